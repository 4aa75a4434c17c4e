package dev.filament.application.shared.port.out;

import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Out-port: the scale-out metrics of SPEC 14.2 (Redis commands, fallbacks, circuit, relay). Every method is cheap,
 * never blocks and never throws; thread-safe.
 */
public interface ClusterTelemetry {

    /** For tests and wiring without metrics. */
    ClusterTelemetry NONE = new ClusterTelemetry() {
    };

    /** {@code filament_redis_command_seconds{op}}. */
    default void command(String op, long nanos) {
    }

    /** {@code filament_redis_fallback_total{feature}}: a feature went without Redis for one call. */
    default void fallback(String feature) {
    }

    /** {@code filament_rate_limit_fallback_total{limiter}} (17.4). */
    default void rateLimitFallback(String limiter) {
    }

    /** {@code filament_redis_circuit_open}: 1 while open. */
    default void bindCircuitOpen(IntSupplier open) {
    }

    /** {@code filament_relay_events_total{direction}}: {@code published} or {@code received}. */
    default void relayed(String direction, int entries) {
    }

    /** {@code filament_relay_lag_seconds} and {@code filament_relay_delivery_seconds} of one entry read. */
    default void relayRead(long lagMillis, long deliveryMillis) {
    }

    /** {@code filament_relay_queue_depth}. */
    default void bindRelayQueueDepth(LongSupplier depth) {
    }

    /** {@code filament_relay_gaps_total{reason}}. */
    default void relayGap(String reason) {
    }

    /** {@code filament_relay_oversized_total}. */
    default void relayOversized() {
    }
}
