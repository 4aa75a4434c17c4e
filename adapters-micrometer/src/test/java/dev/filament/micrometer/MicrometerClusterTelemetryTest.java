package dev.filament.micrometer;

import dev.filament.application.shared.port.out.ClusterTelemetry;
import dev.filament.application.shared.port.out.ClusterTelemetryContract;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;

/** The Micrometer adapter keeps the scale-out telemetry contract, read from the Prometheus text. */
class MicrometerClusterTelemetryTest extends ClusterTelemetryContract {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MicrometerClusterTelemetry telemetry = new MicrometerClusterTelemetry(registry);

    @Override
    protected ClusterTelemetry telemetry() {
        return telemetry;
    }

    @Override
    protected double counter(String name, Map<String, String> tags) {
        return PrometheusText.value(registry, name, tags);
    }

    @Override
    protected double gauge(String name) {
        return PrometheusText.value(registry, name, Map.of());
    }

    @Override
    protected long samples(String name, Map<String, String> tags) {
        return (long) PrometheusText.value(registry, name + "_seconds_count", tags);
    }
}
