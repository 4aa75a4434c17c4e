package dev.filament.application.blob.port.in;

import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.blob.port.out.SniffedType;
import java.util.Objects;

/** A committed upload: its key, size (≥ 1), SHA-256 (64 lower-case hex chars) and sniffed (= stored) type. */
public record UploadedBlob(BlobKey key, long sizeBytes, String sha256Hex, SniffedType type) {
    public UploadedBlob {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sha256Hex, "sha256Hex");
        Objects.requireNonNull(type, "type");
    }

    /** The stored type string, e.g. {@code image/png}. */
    public String mime() {
        return type.mime();
    }
}
