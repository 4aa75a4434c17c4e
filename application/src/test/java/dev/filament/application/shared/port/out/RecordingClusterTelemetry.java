package dev.filament.application.shared.port.out;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/** {@link ClusterTelemetry} that records into maps keyed by the exposed series name and its tags. */
public final class RecordingClusterTelemetry implements ClusterTelemetry {
    private final Map<String, Double> counters = new ConcurrentHashMap<>();
    private final Map<String, Long> samples = new ConcurrentHashMap<>();
    private volatile IntSupplier circuit = () -> 0;
    private volatile LongSupplier queue = () -> 0;
    private volatile long lagMillis;

    static String key(String name, Map<String, String> tags) {
        return name + new java.util.TreeMap<>(tags);
    }

    private void add(String name, Map<String, String> tags, double by) {
        counters.merge(key(name, tags), by, Double::sum);
    }

    @Override
    public void command(String op, long nanos) {
        samples.merge(key("filament_redis_command", Map.of("op", op)), 1L, Long::sum);
    }

    @Override
    public void fallback(String feature) {
        add("filament_redis_fallback_total", Map.of("feature", feature), 1);
    }

    @Override
    public void rateLimitFallback(String limiter) {
        add("filament_rate_limit_fallback_total", Map.of("limiter", limiter), 1);
    }

    @Override
    public void bindCircuitOpen(IntSupplier open) {
        circuit = open;
    }

    @Override
    public void relayed(String direction, int entries) {
        add("filament_relay_events_total", Map.of("direction", direction), entries);
    }

    @Override
    public void relayRead(long lag, long deliveryMillis) {
        lagMillis = lag;
        samples.merge(key("filament_relay_delivery", Map.of()), 1L, Long::sum);
    }

    @Override
    public void bindRelayQueueDepth(LongSupplier depth) {
        queue = depth;
    }

    @Override
    public void relayGap(String reason) {
        add("filament_relay_gaps_total", Map.of("reason", reason), 1);
    }

    @Override
    public void relayOversized() {
        add("filament_relay_oversized_total", Map.of(), 1);
    }

    public double counter(String name, Map<String, String> tags) {
        return counters.getOrDefault(key(name, tags), 0.0);
    }

    public long samples(String name, Map<String, String> tags) {
        return samples.getOrDefault(key(name, tags), 0L);
    }

    public double gauge(String name) {
        return switch (name) {
            case "filament_redis_circuit_open" -> circuit.getAsInt();
            case "filament_relay_queue_depth" -> queue.getAsLong();
            case "filament_relay_lag_seconds" -> lagMillis / 1000.0;
            default -> 0;
        };
    }
}
