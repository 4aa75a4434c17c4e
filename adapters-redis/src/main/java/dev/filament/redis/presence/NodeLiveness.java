package dev.filament.redis.presence;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.redis.RedisAccess;
import dev.filament.redis.RedisBound;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SPEC 17.6 liveness: every 5 s this node sets {@code filament:node:{instance}} PX 15000 and adds itself to
 * {@code filament:nodes}; its janitor finds members whose heartbeat expired, takes {@code filament:cleanup:{instance}}
 * NX PX 60000 and, when it won, runs the offline script for every entry of the dead instance's presence set
 * (publishing {@code offline} where a count reaches 0), deletes its keys and logs {@code node.cleanup}. On shutdown
 * the node cleans up after itself the same way.
 */
public final class NodeLiveness implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeLiveness.class);
    static final Duration PERIOD = Duration.ofSeconds(5);
    static final long HEARTBEAT_TTL_MS = 15_000;
    static final String NODES = "filament:nodes";

    private final RedisAccess access;
    private final RedisPresence presence;
    private final Consumer<GatewayEvent> publish;
    private final Consumer<GatewayEvent> relayOnly;
    private final List<ToIntFunction<String>> alsoCleanUp = new CopyOnWriteArrayList<>();

    /**
     * @param publish   a dead node's offline events, delivered here and relayed
     * @param relayOnly this node's own offline events at shutdown (its sockets are already closed)
     */
    public NodeLiveness(RedisAccess access, RedisPresence presence, Consumer<GatewayEvent> publish,
            Consumer<GatewayEvent> relayOnly) {
        this.access = access;
        this.presence = presence;
        this.publish = publish;
        this.relayOnly = relayOnly;
    }

    /**
     * Adds a step the cleanup of a dead instance (and this node's own at shutdown) runs after presence, e.g. the
     * connection counts with their voice removal; it returns the number of voice participants it removed.
     */
    public void alsoCleanUp(ToIntFunction<String> step) {
        alsoCleanUp.add(step);
    }

    public void start() {
        heartbeat();
        access.every(PERIOD, () -> {
            heartbeat();
            janitor();
            access.checkBoot();
        });
    }

    private static String nodeKey(String instance) {
        return "filament:node:" + instance;
    }

    private void heartbeat() {
        access.call(RedisBound.BACKGROUND, "heartbeat",
                c -> c.set(nodeKey(access.instance()), "1", SetArgs.Builder.px(HEARTBEAT_TTL_MS)));
        access.call(RedisBound.BACKGROUND, "heartbeat", c -> c.sadd(NODES, access.instance()));
    }

    void janitor() {
        Optional<Set<String>> nodes = access.call(RedisBound.BACKGROUND, "heartbeat", c -> c.smembers(NODES));
        for (String instance : nodes.orElse(Set.of())) {
            if (instance.equals(access.instance())) {
                continue;
            }
            boolean alive = access.call(RedisBound.BACKGROUND, "heartbeat", c -> c.exists(nodeKey(instance)))
                    .map(n -> n > 0).orElse(true);
            if (!alive && access.call(RedisBound.BACKGROUND, "heartbeat", c -> c.set("filament:cleanup:" + instance,
                    access.instance(), SetArgs.Builder.nx().px(60_000))).isPresent()) {
                cleanup(instance, publish);
            }
        }
    }

    private void cleanup(String instance, Consumer<GatewayEvent> events) {
        Set<String> held = access.call(RedisBound.BACKGROUND, "presence",
                c -> c.smembers(PresenceScripts.instanceKey(instance))).orElse(Set.of());
        int removed = 0;
        for (String entry : held) {
            if (presence.removeHeld(instance, entry, events)) {
                removed++;
            }
        }
        int voiceRemoved = 0;
        for (ToIntFunction<String> step : alsoCleanUp) {
            voiceRemoved += step.applyAsInt(instance);
        }
        access.call(RedisBound.BACKGROUND, "heartbeat", c -> c.del(PresenceScripts.instanceKey(instance),
                nodeKey(instance)));
        access.call(RedisBound.BACKGROUND, "heartbeat", c -> c.srem(NODES, instance));
        LOG.atInfo().addKeyValue("event", "node.cleanup").addKeyValue("instance", instance)
                .addKeyValue("presence_removed", removed).addKeyValue("voice_removed", voiceRemoved)
                .log("node state removed");
    }

    /** Shutdown: this node's remaining presence goes offline everywhere, its keys are deleted. */
    @Override
    public void close() {
        cleanup(access.instance(), relayOnly);
    }
}
