package dev.filament.application.shared.port.out;

import java.util.Map;

class RecordingClusterTelemetryTest extends ClusterTelemetryContract {
    private final RecordingClusterTelemetry telemetry = new RecordingClusterTelemetry();

    @Override
    protected ClusterTelemetry telemetry() {
        return telemetry;
    }

    @Override
    protected double counter(String name, Map<String, String> tags) {
        return telemetry.counter(name, tags);
    }

    @Override
    protected double gauge(String name) {
        return telemetry.gauge(name);
    }

    @Override
    protected long samples(String name, Map<String, String> tags) {
        return telemetry.samples(name, tags);
    }
}
