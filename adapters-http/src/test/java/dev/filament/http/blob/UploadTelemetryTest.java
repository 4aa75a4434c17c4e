package dev.filament.http.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.blob.port.in.UploadRejectedException;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.http.error.BodyReadFailure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** SPEC 14.2 upload outcomes and counters. */
class UploadTelemetryTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final UploadTelemetry telemetry = new UploadTelemetry(meters);

    @Test
    void eachFailureMapsToItsOutcome() {
        assertThat(UploadTelemetry.outcome(UploadRejectedException.tooLarge())).isEqualTo("too_large");
        assertThat(UploadTelemetry.outcome(UploadRejectedException.unsupportedType())).isEqualTo("type_refused");
        assertThat(UploadTelemetry.outcome(ConflictException.quotaExceeded("attachment"))).isEqualTo("quota");
        assertThat(UploadTelemetry.outcome(new InvalidRequestException("empty upload"))).isEqualTo("empty");
        assertThat(UploadTelemetry.outcome(new InvalidRequestException(
                "declared type incompatible with the content"))).isEqualTo("type_mismatch");
        assertThat(UploadTelemetry.outcome(new InvalidRequestException("filename"))).isEqualTo("invalid");
        assertThat(UploadTelemetry.outcome(new BodyReadFailure(true, null))).isEqualTo("timeout");
        assertThat(UploadTelemetry.outcome(new BodyReadFailure(false, null))).isEqualTo("aborted");
        assertThat(UploadTelemetry.outcome(new IllegalStateException())).isEqualTo("error");
    }

    @Test
    void successesCountBytesAndFailuresAreRethrownAndCounted() {
        telemetry.record("attachment", () -> "x", s -> new UploadTelemetry.Stored(42, "text/plain"));
        assertThatThrownBy(() -> telemetry.record("attachment", () -> {
            throw UploadRejectedException.tooLarge();
        }, s -> null)).isInstanceOf(UploadRejectedException.class);

        assertThat(meters.get("filament.uploads").tags("kind", "attachment", "outcome", "ok").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("filament.uploads").tags("kind", "attachment", "outcome", "too_large").counter()
                .count()).isEqualTo(1);
        assertThat(meters.get("filament.upload.bytes").tags("kind", "attachment").counter().count()).isEqualTo(42);
    }
}
