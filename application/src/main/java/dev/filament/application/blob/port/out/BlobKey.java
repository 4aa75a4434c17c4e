package dev.filament.application.blob.port.out;

import dev.filament.domain.id.Ulid;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key of one stored object (SPEC 8.7): ASCII, never reused, one of {@code attachments/{attachment_id}},
 * {@code avatars/{user_id}/{upload_id}} or {@code banners/{user_id}/{upload_id}} with upper-case ULIDs. A store may
 * use it as a relative path: it has no {@code .}, {@code ..}, empty or absolute segment by construction.
 */
public record BlobKey(String value) {
    private static final String ULID = "[0-7][0-9A-HJKMNP-TV-Z]{25}";
    private static final Pattern SHAPE =
            Pattern.compile("^(attachments/" + ULID + "|(avatars|banners)/" + ULID + "/" + ULID + ")$");

    public BlobKey {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a blob key");
        }
    }

    /** The key when {@code raw} is a well-formed key (e.g. read back from {@code blob_gc}), else empty. */
    public static Optional<BlobKey> parse(String raw) {
        return raw != null && SHAPE.matcher(raw).matches() ? Optional.of(new BlobKey(raw)) : Optional.empty();
    }

    /** {@code attachments/{attachment_id}}. */
    public static BlobKey attachment(String attachmentId) {
        return new BlobKey("attachments/" + Ulid.require(attachmentId, "attachmentId"));
    }

    /** {@code avatars/{user_id}/{upload_id}}. */
    public static BlobKey avatar(String userId, String uploadId) {
        return new BlobKey("avatars/" + Ulid.require(userId, "userId") + "/" + Ulid.require(uploadId, "uploadId"));
    }

    /** {@code banners/{user_id}/{upload_id}}. */
    public static BlobKey banner(String userId, String uploadId) {
        return new BlobKey("banners/" + Ulid.require(userId, "userId") + "/" + Ulid.require(uploadId, "uploadId"));
    }

    @Override
    public String toString() {
        return value;
    }
}
