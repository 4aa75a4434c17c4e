package dev.filament.redis.voice;

import dev.filament.application.shared.port.out.ClusterTelemetry;
import dev.filament.application.voice.port.out.VoiceRegistry;
import dev.filament.domain.id.UserId;
import dev.filament.redis.RedisAccess;
import dev.filament.redis.RedisBound;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SPEC 17.6 connection counts: {@code filament:conns:u:{U}} (hash instance -> U's attached connections there) and
 * {@code filament:conns:i:{instance}} (set of users), changed by one script returning U's total; the node whose change
 * makes it 0 runs the "last gateway connection closed" voice removal (11.5). The gateway only marks a user as changed
 * (never blocking); one worker thread reads the user's current local count and writes it, so the stored value always
 * converges to the local truth and re-applying is idempotent. Without Redis the local count decides (17.6 fallback).
 */
public final class RedisConnectionCounts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisConnectionCounts.class);
    // KEYS: conns:u:{U}, conns:i:{inst}; ARGV: instance, local count, user. Returns the total, or -1 when the total is
    // 0 but this call did not make it 0 (nothing to remove).
    private static final String SET_COUNT = """
            local before = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
            local n = tonumber(ARGV[2])
            if n > 0 then
              redis.call('HSET', KEYS[1], ARGV[1], n)
              redis.call('SADD', KEYS[2], ARGV[3])
            else
              redis.call('HDEL', KEYS[1], ARGV[1])
              redis.call('SREM', KEYS[2], ARGV[3])
            end
            local total = 0
            for _, v in ipairs(redis.call('HVALS', KEYS[1])) do total = total + tonumber(v) end
            if total == 0 and before == 0 then return -1 end
            return total
            """;

    private final RedisAccess access;
    private final ClusterTelemetry telemetry;
    private final VoiceRegistry voice;
    private final Clock clock;
    private final ToIntFunction<UserId> localCount;
    private final Supplier<Set<UserId>> localUsers;
    private final LinkedBlockingQueue<UserId> queue = new LinkedBlockingQueue<>();
    private final Set<UserId> pending = ConcurrentHashMap.newKeySet();
    private final Thread worker;
    private volatile boolean running = true;
    private volatile boolean busy;

    public RedisConnectionCounts(RedisAccess access, ClusterTelemetry telemetry, VoiceRegistry voice, Clock clock,
            ToIntFunction<UserId> localCount, Supplier<Set<UserId>> localUsers) {
        this.access = access;
        this.telemetry = telemetry;
        this.voice = voice;
        this.clock = clock;
        this.localCount = localCount;
        this.localUsers = localUsers;
        this.worker = Thread.ofPlatform().daemon().name("filament-conns").unstarted(this::run);
    }

    public void start() {
        worker.start();
    }

    static String userKey(String user) {
        return "filament:conns:u:{" + user + "}";
    }

    static String instanceKey(String instance) {
        return "filament:conns:i:{" + instance + "}";
    }

    /** The user's local attached-connection count may have changed; never blocks. */
    public void changed(UserId user) {
        if (pending.add(user)) {
            queue.offer(user);
        }
    }

    /** After a recovery or a Redis reset: every local user again, and every user this instance no longer holds. */
    public void reapply() {
        localUsers.get().forEach(this::changed);
        access.call(RedisBound.BACKGROUND, "conns", c -> c.smembers(instanceKey(access.instance())))
                .ifPresent(held -> held.forEach(u -> changed(UserId.of(u))));
    }

    /**
     * The janitor's (or this node's shutdown) step for {@code instance}: its counts are removed, and users whose
     * total reaches 0 are removed from voice; the number of such users.
     */
    public int cleanUp(String instance) {
        Set<String> held = access.call(RedisBound.BACKGROUND, "conns", c -> c.smembers(instanceKey(instance)))
                .orElse(Set.of());
        int removed = 0;
        for (String user : held) {
            if (write(instance, user, 0).filter(total -> total == 0).isPresent()) {
                removed += voice.removeUserEverywhere(UserId.of(user), clock.instant());
            }
        }
        access.call(RedisBound.BACKGROUND, "conns", c -> c.del(instanceKey(instance)));
        return removed;
    }

    private Optional<Long> write(String instance, String user, int count) {
        return access.call(RedisBound.BACKGROUND, "conns", c -> c.<Long>eval(SET_COUNT, ScriptOutputType.INTEGER,
                new String[] {userKey(user), instanceKey(instance)}, instance, Integer.toString(count), user));
    }

    private void run() {
        while (running) {
            try {
                UserId user = queue.poll(200, TimeUnit.MILLISECONDS);
                if (user == null) {
                    continue;
                }
                busy = true;
                pending.remove(user);
                int count = localCount.applyAsInt(user);
                Optional<Long> total = write(access.instance(), user.value(), count);
                if (total.isEmpty()) {
                    telemetry.fallback("conns");
                }
                if (count == 0 && total.map(t -> t == 0).orElse(true)) {
                    voice.removeUserEverywhere(user, clock.instant());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.atWarn().addKeyValue("event", "conns.update.failed").setCause(e).log("connection count failed");
            } finally {
                busy = false;
            }
        }
    }

    /** Waits until every change marked so far has been written (tests). */
    public void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while ((!queue.isEmpty() || busy) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** Drains what is queued (at most 2 s), then stops the worker. */
    @Override
    public void close() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!queue.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        running = false;
        worker.interrupt();
        worker.join(2000);
    }
}
