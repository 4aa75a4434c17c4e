package dev.filament.redis;

import dev.filament.application.shared.port.out.ReadinessCheck;
import dev.filament.redis.relay.RelayReader;
import java.time.Duration;
import java.util.Optional;

/**
 * Readiness {@code redis} (SPEC 14.4, only with scale-out on): {@code PING} within 1 s, the circuit closed, the relay
 * reader read within the last 5 s, and the newest entry it read was less than 5 s old when read.
 */
public final class RedisReadinessCheck implements ReadinessCheck {
    private static final long FRESH_MILLIS = 5_000;

    private final RedisAccess access;
    private final RelayReader reader;

    public RedisReadinessCheck(RedisAccess access, RelayReader reader) {
        this.access = access;
        this.reader = reader;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public Result check() {
        Optional<Long> latency = access.ping(Duration.ofSeconds(1));
        boolean circuitOpen = access.circuitOpen();
        boolean readerOk = reader.connected() && reader.lastReadAgeMillis() <= FRESH_MILLIS;
        long lag = reader.lastLagMillis();
        boolean ok = latency.isPresent() && !circuitOpen && readerOk && lag < FRESH_MILLIS;
        return new Result(ok, new RedisDetails(latency.orElse(-1L), circuitOpen ? "open" : "closed",
                readerOk ? "connected" : "disconnected", lag));
    }
}
