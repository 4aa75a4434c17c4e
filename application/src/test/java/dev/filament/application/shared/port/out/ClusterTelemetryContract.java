package dev.filament.application.shared.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link ClusterTelemetry}: what each call does to the exposed series of SPEC 14.2 (scale-out rows). Run
 * by the recording fake and by the registry-backed adapter, each answering the readings through its own registry.
 */
public abstract class ClusterTelemetryContract {

    /** A fresh instance with nothing recorded. */
    protected abstract ClusterTelemetry telemetry();

    /** The value of the counter series {@code name} with exactly {@code tags}; 0 when absent. */
    protected abstract double counter(String name, Map<String, String> tags);

    /** The value of the gauge {@code name} read now. */
    protected abstract double gauge(String name);

    /** How many samples the timer or histogram {@code name} (without a unit suffix) has with {@code tags}. */
    protected abstract long samples(String name, Map<String, String> tags);

    @Test
    void fallbacksAreCountedPerFeatureAndLimiter() {
        ClusterTelemetry t = telemetry();
        t.fallback("limiter");
        t.fallback("limiter");
        t.fallback("presence");
        t.rateLimitFallback("auth_login");
        assertThat(counter("filament_redis_fallback_total", Map.of("feature", "limiter"))).isEqualTo(2.0);
        assertThat(counter("filament_redis_fallback_total", Map.of("feature", "presence"))).isEqualTo(1.0);
        assertThat(counter("filament_rate_limit_fallback_total", Map.of("limiter", "auth_login"))).isEqualTo(1.0);
    }

    @Test
    void relayCountersGaugesAndDelivery() {
        ClusterTelemetry t = telemetry();
        t.relayed("published", 3);
        t.relayed("received", 2);
        t.relayGap("sequence");
        t.relayOversized();
        t.bindRelayQueueDepth(() -> 7);
        t.bindCircuitOpen(() -> 1);
        t.relayRead(1_500, 20);
        assertThat(counter("filament_relay_events_total", Map.of("direction", "published"))).isEqualTo(3.0);
        assertThat(counter("filament_relay_events_total", Map.of("direction", "received"))).isEqualTo(2.0);
        assertThat(counter("filament_relay_gaps_total", Map.of("reason", "sequence"))).isEqualTo(1.0);
        assertThat(counter("filament_relay_oversized_total", Map.of())).isEqualTo(1.0);
        assertThat(gauge("filament_relay_queue_depth")).isEqualTo(7.0);
        assertThat(gauge("filament_redis_circuit_open")).isEqualTo(1.0);
        assertThat(gauge("filament_relay_lag_seconds")).isEqualTo(1.5);
        assertThat(samples("filament_relay_delivery", Map.of())).isEqualTo(1);
    }

    @Test
    void redisCommandsAreTimedPerOp() {
        ClusterTelemetry t = telemetry();
        t.command("limiter", 2_000_000);
        t.command("limiter", 1_000_000);
        t.command("presence", 1_000_000);
        assertThat(samples("filament_redis_command", Map.of("op", "limiter"))).isEqualTo(2);
        assertThat(samples("filament_redis_command", Map.of("op", "presence"))).isEqualTo(1);
    }
}
