package dev.filament.domain.identity;

import java.util.Objects;
import java.util.regex.Pattern;

/** A stored avatar or banner (SPEC 12.1 V2 columns): blob key, sniffed MIME type, size, hex SHA-256 and version. */
public record StoredImage(String objectKey, String mimeType, long sizeBytes, String sha256Hex, long version) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public StoredImage {
        Objects.requireNonNull(objectKey, "objectKey");
        if (!ProfileImageKind.IMAGE_TYPES.contains(mimeType)) {
            throw new IllegalArgumentException("not a profile image type: " + mimeType);
        }
        if (sizeBytes < 1 || sha256Hex == null || !SHA256.matcher(sha256Hex).matches() || version < 1) {
            throw new IllegalArgumentException("image needs size >= 1, a hex SHA-256 and version >= 1");
        }
    }

    /** The strong ETag of SPEC 4.5: the quoted hex SHA-256. */
    public String etag() {
        return "\"" + sha256Hex + "\"";
    }
}
