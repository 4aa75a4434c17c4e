package dev.filament.application.blob.port.out;

import java.util.Objects;
import java.util.regex.Pattern;

/** What {@link BlobStore#write} committed: the object's size in bytes and its SHA-256 as 64 lower-case hex chars. */
public record StoredBlob(long sizeBytes, String sha256Hex) {
    private static final Pattern HEX = Pattern.compile("^[0-9a-f]{64}$");

    public StoredBlob {
        Objects.requireNonNull(sha256Hex, "sha256Hex");
        if (sizeBytes < 0 || !HEX.matcher(sha256Hex).matches()) {
            throw new IllegalArgumentException("size must be >= 0 and sha256 64 lower-case hex chars");
        }
    }
}
