package dev.filament.micrometer;

import dev.filament.application.search.port.out.SearchMetrics;
import dev.filament.application.search.port.out.SearchMetricsContract;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;

/** The Micrometer adapter keeps the search metrics contract, read from the Prometheus text. */
class MicrometerSearchMetricsTest extends SearchMetricsContract {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MicrometerSearchMetrics metrics = new MicrometerSearchMetrics(registry);

    @Override
    protected SearchMetrics metrics() {
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
}
