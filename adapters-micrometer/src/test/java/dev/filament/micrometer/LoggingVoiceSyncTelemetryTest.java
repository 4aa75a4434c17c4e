package dev.filament.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.voice.port.out.VoiceRepairReason;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class LoggingVoiceSyncTelemetryTest {

    @Test
    void repairs_areExposedAsTheSpecCounterPerReason() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        LoggingVoiceSyncTelemetry telemetry = new LoggingVoiceSyncTelemetry(registry);

        telemetry.repaired(VoiceRepairReason.LIVEKIT_ABSENT, 2);
        telemetry.repaired(VoiceRepairReason.LIVEKIT_ABSENT, 1);
        telemetry.repaired(VoiceRepairReason.SUBSCRIBE, 1);
        telemetry.passCompleted(3, 3, 0);

        String scrape = registry.scrape();
        assertThat(scrape).contains("filament_voice_sync_repairs_total{reason=\"livekit_absent\"} 3.0")
                .contains("filament_voice_sync_repairs_total{reason=\"subscribe\"} 1.0");
    }
}
