package dev.filament.micrometer;

import dev.filament.application.shared.port.out.ClusterTelemetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/** The scale-out meters of SPEC 14.2: Redis commands, fallbacks and circuit; relay events, lag, delivery and gaps. */
public final class MicrometerClusterTelemetry implements ClusterTelemetry {
    private final MeterRegistry registry;
    private final AtomicLong lagMillis = new AtomicLong();
    private final Timer delivery;

    public MicrometerClusterTelemetry(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("filament.relay.lag.seconds", lagMillis, v -> v.get() / 1000.0)
                .description("age of the newest relay entry read, by its stream id, when read").register(registry);
        this.delivery = Timer.builder("filament.relay.delivery").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .description("publisher hand-off to receipt on this node").register(registry);
    }

    @Override
    public void command(String op, long nanos) {
        Timer.builder("filament.redis.command").tag("op", op).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void fallback(String feature) {
        Counter.builder("filament.redis.fallback").tag("feature", feature).register(registry).increment();
    }

    @Override
    public void rateLimitFallback(String limiter) {
        Counter.builder("filament.rate_limit.fallback").tag("limiter", limiter).register(registry).increment();
    }

    @Override
    public void bindCircuitOpen(IntSupplier open) {
        // strong: the supplier is a lambda nobody else holds (Micrometer keeps gauge state weakly by default)
        Gauge.builder("filament.redis.circuit.open", open, IntSupplier::getAsInt).strongReference(true)
                .register(registry);
    }

    @Override
    public void relayed(String direction, int entries) {
        Counter.builder("filament.relay.events").tag("direction", direction).register(registry).increment(entries);
    }

    @Override
    public void relayRead(long lag, long deliveryMillis) {
        lagMillis.set(lag);
        delivery.record(deliveryMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void bindRelayQueueDepth(LongSupplier depth) {
        Gauge.builder("filament.relay.queue.depth", depth, LongSupplier::getAsLong).strongReference(true)
                .register(registry);
    }

    @Override
    public void relayGap(String reason) {
        Counter.builder("filament.relay.gaps").tag("reason", reason).register(registry).increment();
    }

    @Override
    public void relayOversized() {
        Counter.builder("filament.relay.oversized").register(registry).increment();
    }
}
