package dev.filament.application.blob.port.out;

import dev.filament.application.blob.port.in.UploadKind;

/**
 * Out-port: log events {@code upload.completed} / {@code upload.rejected} (SPEC 14.1; never the file name or content)
 * and the meters {@code filament_uploads_total{kind,outcome}} and {@code filament_upload_bytes_total{kind}} (14.2).
 */
public interface UploadEvents {
    void completed(UploadKind kind, long sizeBytes, SniffedType type, long durationMs);

    /** {@code sizeBytes}: the bytes read before the refusal. */
    void rejected(UploadKind kind, UploadOutcome reason, long sizeBytes, long durationMs);

    UploadEvents NONE = new UploadEvents() {
        @Override
        public void completed(UploadKind kind, long sizeBytes, SniffedType type, long durationMs) {
        }

        @Override
        public void rejected(UploadKind kind, UploadOutcome reason, long sizeBytes, long durationMs) {
        }
    };
}
