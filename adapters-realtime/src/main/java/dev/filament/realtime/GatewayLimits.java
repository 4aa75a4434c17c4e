package dev.filament.realtime;

import java.time.Duration;
import java.util.Objects;

/**
 * The gateway bounds of SPEC 9.3 and 9.7: per-connection outbound queue (events and serialized bytes), socket write
 * timeout, subscriptions per connection, dispatch queue capacity and the dispatcher's idle tick.
 */
public record GatewayLimits(int outboundMaxEvents, long outboundMaxBytes, Duration writeTimeout, int maxSubscriptions,
        int dispatchCapacity, Duration tickInterval) {

    public GatewayLimits {
        positive(outboundMaxEvents, "outboundMaxEvents");
        positive(outboundMaxBytes, "outboundMaxBytes");
        positive(maxSubscriptions, "maxSubscriptions");
        positive(dispatchCapacity, "dispatchCapacity");
        positive(Objects.requireNonNull(writeTimeout, "writeTimeout").toMillis(), "writeTimeout");
        positive(Objects.requireNonNull(tickInterval, "tickInterval").toMillis(), "tickInterval");
    }

    /** SPEC values: 256 events and 1 MiB per connection, 10 s writes, 256 subscriptions, 65536 dispatch slots, 1 s tick. */
    public static GatewayLimits defaults() {
        return new GatewayLimits(256, 1L << 20, Duration.ofSeconds(10), 256, 65_536, Duration.ofSeconds(1));
    }

    public GatewayLimits withOutboundMaxEvents(int events) {
        return new GatewayLimits(events, outboundMaxBytes, writeTimeout, maxSubscriptions, dispatchCapacity, tickInterval);
    }

    public GatewayLimits withOutboundMaxBytes(long bytes) {
        return new GatewayLimits(outboundMaxEvents, bytes, writeTimeout, maxSubscriptions, dispatchCapacity, tickInterval);
    }

    public GatewayLimits withWriteTimeout(Duration timeout) {
        return new GatewayLimits(outboundMaxEvents, outboundMaxBytes, timeout, maxSubscriptions, dispatchCapacity,
                tickInterval);
    }

    public GatewayLimits withDispatchCapacity(int capacity) {
        return new GatewayLimits(outboundMaxEvents, outboundMaxBytes, writeTimeout, maxSubscriptions, capacity,
                tickInterval);
    }

    public GatewayLimits withTickInterval(Duration tick) {
        return new GatewayLimits(outboundMaxEvents, outboundMaxBytes, writeTimeout, maxSubscriptions, dispatchCapacity,
                tick);
    }

    /** How often the watchdog looks for stuck writes: a quarter of the write timeout, between 10 ms and 1 s. */
    Duration watchdogInterval() {
        long millis = Math.clamp(writeTimeout.toMillis() / 4, 10L, 1_000L);
        return Duration.ofMillis(millis);
    }

    private static void positive(long value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive");
        }
    }
}
