package dev.filament.application.gateway.port.out;

import java.util.Map;

/** Runs the metrics contract against the recording fake. */
class RecordingGatewayMetricsTest extends GatewayMetricsContract {
    private RecordingGatewayMetrics metrics;

    @Override
    protected GatewayMetrics metrics() {
        metrics = new RecordingGatewayMetrics();
        return metrics;
    }

    @Override
    protected double counter(String name, Map<String, String> tags) {
        return metrics.counter(name, tags);
    }

    @Override
    protected double gauge(String name) {
        return metrics.gauge(name);
    }

    @Override
    protected long distributionCount(String name) {
        return name.equals(RecordingGatewayMetrics.OUTBOUND_DEPTH) ? metrics.outboundDepthSamples().size() : 0;
    }
}
