package dev.filament.micrometer;

import dev.filament.application.gateway.port.out.GatewayMetrics;
import dev.filament.application.gateway.port.out.GatewayMetricsContract;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;

/** The Micrometer adapter keeps the gateway metrics contract, read from the Prometheus text. */
class MicrometerGatewayMetricsTest extends GatewayMetricsContract {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MicrometerGatewayMetrics metrics = new MicrometerGatewayMetrics(registry);

    @Override
    protected GatewayMetrics metrics() {
        return metrics;
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
    protected long distributionCount(String name) {
        return (long) PrometheusText.value(registry, name + "_count", Map.of());
    }
}
