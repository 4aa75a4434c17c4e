package dev.filament.redis.presence;

import dev.filament.application.gateway.port.out.PresenceLedger;
import dev.filament.application.gateway.port.out.PresenceStatus;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.ClusterTelemetry;
import dev.filament.application.wire.EventSerializer;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.redis.RedisAccess;
import dev.filament.redis.RedisBound;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Presence across nodes (SPEC 17.6): each local transition runs its script on one ordered worker (never on the
 * caller); {@code online} is published when the user's instance count became 1, {@code offline} when it became 0.
 * Without Redis the local transition is published (local-only presence, counted as a {@code presence} fallback).
 * After a recovery or a Redis reset, {@link #reapply} writes this node's whole local state again and publishes the
 * transitions that result. Dead nodes are cleaned up by {@link NodeLiveness}.
 */
public final class RedisPresence implements PresenceLedger, AutoCloseable {
    private final RedisAccess access;
    private final PresenceScripts scripts;
    private final ClusterTelemetry telemetry;
    private final EventSerializer serializer;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "redis-presence");
        t.setDaemon(true);
        return t;
    });
    private volatile Consumer<GatewayEvent> stoppingPublisher;

    public RedisPresence(RedisAccess access, ClusterTelemetry telemetry, EventSerializer serializer) {
        this.access = access;
        this.scripts = new PresenceScripts(access);
        this.telemetry = telemetry;
        this.serializer = serializer;
    }

    @Override
    public void transition(GuildId guild, UserId user, PresenceStatus status, Runnable publish) {
        try {
            worker.execute(() -> apply(guild, user, status, publish));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            publish.run();
        }
    }

    private void apply(GuildId guild, UserId user, PresenceStatus status, Runnable publish) {
        boolean online = status == PresenceStatus.ONLINE;
        Optional<Long> count = scripts.apply(RedisBound.REQUEST, online, access.instance(), guild.value(),
                user.value());
        if (count.isEmpty()) {
            telemetry.fallback("presence");
            publish.run();
        } else if (count.get() == (online ? 1 : 0)) {
            Consumer<GatewayEvent> stopping = stoppingPublisher;
            if (stopping != null) {
                stopping.accept(status.updateEvent(guild, user, serializer)); // local sockets are closing
            } else {
                publish.run();
            }
        }
    }

    @Override
    public List<UserId> online(GuildId guild, List<UserId> local) {
        Optional<List<String>> remote = access.call(RedisBound.REQUEST, "presence",
                c -> c.hkeys(PresenceScripts.guildKey(guild.value())));
        if (remote.isEmpty()) {
            telemetry.fallback("presence");
            return local;
        }
        TreeSet<UserId> all = new TreeSet<>(local);
        remote.get().forEach(u -> all.add(UserId.of(u)));
        return List.copyOf(all);
    }

    /**
     * 17.6 recovery: this node's local state is written again (idempotent through its instance set), entries it no
     * longer holds are removed, and the resulting transitions are published through {@code publish}.
     */
    public void reapply(Map<GuildId, Set<UserId>> local, Consumer<GatewayEvent> publish) {
        worker.execute(() -> {
            Set<String> held = new java.util.HashSet<>();
            local.forEach((guild, users) -> users.forEach(user -> {
                held.add(guild.value() + ":" + user.value());
                scripts.apply(RedisBound.BACKGROUND, true, access.instance(), guild.value(), user.value())
                        .filter(n -> n == 1)
                        .ifPresent(n -> publish.accept(PresenceStatus.ONLINE.updateEvent(guild, user, serializer)));
            }));
            access.call(RedisBound.BACKGROUND, "presence",
                    c -> c.smembers(PresenceScripts.instanceKey(access.instance()))).ifPresent(members -> {
                        members.stream().filter(m -> !held.contains(m)).forEach(m -> removeHeld(access.instance(),
                                m, publish));
                    });
        });
    }

    /** Runs the offline script for one {@code G:U} entry of {@code instance}; true when the user went offline. */
    boolean removeHeld(String instance, String entry, Consumer<GatewayEvent> publish) {
        int colon = entry.indexOf(':');
        if (colon < 0) {
            return false;
        }
        GuildId guild = GuildId.of(entry.substring(0, colon));
        UserId user = UserId.of(entry.substring(colon + 1));
        boolean offline = scripts.apply(RedisBound.BACKGROUND, false, instance, guild.value(), user.value())
                .filter(n -> n == 0).isPresent();
        if (offline) {
            publish.accept(PresenceStatus.OFFLINE.updateEvent(guild, user, serializer));
        }
        return offline;
    }

    /** Waits (at most 2 s) until every transition handed over so far is applied. */
    public void awaitIdle() throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        worker.execute(done::countDown);
        done.await(2, TimeUnit.SECONDS);
    }

    /** Shutdown has begun: cluster-wide transitions go straight to {@code relayOnly} (17.6 shutdown). */
    public void stopping(Consumer<GatewayEvent> relayOnly) {
        stoppingPublisher = relayOnly;
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
