package dev.filament.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.blob.port.in.UploadKind;
import dev.filament.application.blob.port.out.SniffedType;
import dev.filament.application.blob.port.out.UploadOutcome;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC 14.2 names of the upload and blob collector meters. */
class BlobMetersTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void uploadsAreCountedByKindAndOutcomeAndTheirBytesByKind() {
        LoggingUploadEvents uploads = new LoggingUploadEvents(registry);
        uploads.completed(UploadKind.AVATAR, 1000, SniffedType.IMAGE_PNG, 12);
        uploads.completed(UploadKind.AVATAR, 24, SniffedType.IMAGE_GIF, 3);
        uploads.rejected(UploadKind.ATTACHMENT, UploadOutcome.TYPE_REFUSED, 8192, 5);

        assertThat(PrometheusText.value(registry, "filament_uploads_total", Map.of("kind", "avatar", "outcome", "ok")))
                .isEqualTo(2.0);
        assertThat(PrometheusText.value(registry, "filament_uploads_total",
                Map.of("kind", "attachment", "outcome", "type_refused"))).isEqualTo(1.0);
        assertThat(PrometheusText.value(registry, "filament_upload_bytes_total", Map.of("kind", "avatar")))
                .isEqualTo(1024.0);
    }

    @Test
    void theCollectorCountsDeletesByOutcomeAndGaugesItsBacklog() {
        MicrometerBlobGcMetrics gc = new MicrometerBlobGcMetrics(registry);
        gc.deletes(5, 2);
        gc.backlog(17);

        assertThat(PrometheusText.value(registry, "filament_blob_gc_deletes_total", Map.of("outcome", "ok")))
                .isEqualTo(5.0);
        assertThat(PrometheusText.value(registry, "filament_blob_gc_deletes_total", Map.of("outcome", "error")))
                .isEqualTo(2.0);
        assertThat(PrometheusText.value(registry, "filament_blob_gc_backlog", Map.of())).isEqualTo(17.0);
    }
}
