package dev.filament.redis.voice;

import dev.filament.application.voice.port.out.VoiceSyncGate;
import dev.filament.redis.RedisAccess;
import dev.filament.redis.RedisBound;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SPEC 17.6's voice-leader lease {@code filament:voice:leader} (PX 30000, taken with NX, renewed every 10 s by a
 * compare-and-set script) and 17.9's {@code filament:voice:since} rule: only the holder runs the LiveKit sync loop,
 * and it removes LiveKit participants unknown to the registry only once 330 s have passed since the registry was
 * first used (read with Redis {@code TIME}). While Redis is unreachable the loop pauses.
 */
public final class RedisVoiceLeader implements VoiceSyncGate, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisVoiceLeader.class);
    static final String LEADER = "filament:voice:leader";
    static final long LEASE_MS = 30_000;
    static final Duration RENEW = Duration.ofSeconds(10);
    static final long UNKNOWN_GRACE_SECONDS = 330;
    // take the free lease or renew our own: 1 when held by us afterwards
    private static final String ACQUIRE = """
            local cur = redis.call('GET', KEYS[1])
            if cur == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
            if not cur then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
            return 0
            """;
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
            return 0
            """;
    // seconds since filament:voice:since (set NX with Redis time when first seen missing: then 0)
    private static final String SINCE = """
            local now = tonumber(redis.call('TIME')[1])
            local since = redis.call('GET', KEYS[1])
            if not since then redis.call('SET', KEYS[1], now) return 0 end
            return now - tonumber(since)
            """;

    private final RedisAccess access;
    private volatile long heldUntilNanos;
    private volatile boolean leader;

    public RedisVoiceLeader(RedisAccess access) {
        this.access = access;
    }

    /** Tries to take the lease now, then every 10 s (on the access's background thread). */
    public void start() {
        renew();
        access.every(RENEW, this::renew);
    }

    /** One take-or-renew attempt (the 10 s schedule; tests call it directly). */
    public void renew() {
        long start = System.nanoTime();
        boolean held = access.call(RedisBound.BACKGROUND, "voice_leader", c -> c.<Long>eval(ACQUIRE,
                ScriptOutputType.INTEGER, new String[] {LEADER}, access.instance(), Long.toString(LEASE_MS)))
                .map(r -> r == 1L).orElse(false);
        if (held) {
            // counted from before the call, less a margin: we stop acting before another node can take the lease
            heldUntilNanos = start + Duration.ofMillis(LEASE_MS).minusSeconds(5).toNanos();
        }
        if (held != leader) {
            leader = held;
            LOG.atInfo().addKeyValue("event", "voice.leader").addKeyValue("held", held).log("voice leader lease");
        }
    }

    @Override
    public boolean mayRun() {
        return leader && System.nanoTime() - heldUntilNanos < 0 && !access.circuitOpen();
    }

    @Override
    public boolean mayRemoveUnknown() {
        return access.call(RedisBound.BACKGROUND, "voice_leader", c -> c.<Long>eval(SINCE, ScriptOutputType.INTEGER,
                VoiceStore.SINCE)).map(s -> s >= UNKNOWN_GRACE_SECONDS).orElse(false);
    }

    /** Gives the lease up at shutdown, so another node takes over at its next renewal. */
    @Override
    public void close() {
        if (leader) {
            access.call(RedisBound.BACKGROUND, "voice_leader", c -> c.<Long>eval(RELEASE, ScriptOutputType.INTEGER,
                    new String[] {LEADER}, access.instance()));
        }
    }
}
