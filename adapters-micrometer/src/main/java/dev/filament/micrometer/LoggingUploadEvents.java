package dev.filament.micrometer;

import dev.filament.application.blob.port.in.UploadKind;
import dev.filament.application.blob.port.out.SniffedType;
import dev.filament.application.blob.port.out.UploadEvents;
import dev.filament.application.blob.port.out.UploadOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads as log events {@code upload.completed} / {@code upload.rejected} (SPEC 14.1: kind, size, type, reason,
 * duration; never the file name or content) and {@code filament_uploads_total{kind,outcome}},
 * {@code filament_upload_bytes_total{kind}} (14.2).
 */
public final class LoggingUploadEvents implements UploadEvents {
    private static final Logger LOG = LoggerFactory.getLogger("filament.uploads");
    private final MeterRegistry registry;

    public LoggingUploadEvents(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void completed(UploadKind kind, long sizeBytes, SniffedType type, long durationMs) {
        LOG.atInfo().addKeyValue("event", "upload.completed").addKeyValue("kind", kind.wireName())
                .addKeyValue("size_bytes", sizeBytes).addKeyValue("mime_type", type.mime())
                .addKeyValue("duration_ms", durationMs).log("upload completed");
        count(kind, "ok");
        Counter.builder("filament.upload.bytes").tag("kind", kind.wireName()).register(registry).increment(sizeBytes);
    }

    @Override
    public void rejected(UploadKind kind, UploadOutcome reason, long sizeBytes, long durationMs) {
        LOG.atInfo().addKeyValue("event", "upload.rejected").addKeyValue("kind", kind.wireName())
                .addKeyValue("size_bytes", sizeBytes).addKeyValue("reason", reason.wireName())
                .addKeyValue("duration_ms", durationMs).log("upload rejected: {}", reason.wireName());
        count(kind, reason.wireName());
    }

    private void count(UploadKind kind, String outcome) {
        Counter.builder("filament.uploads").tag("kind", kind.wireName()).tag("outcome", outcome).register(registry)
                .increment();
    }
}
