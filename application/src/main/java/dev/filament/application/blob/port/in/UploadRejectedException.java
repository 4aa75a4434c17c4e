package dev.filament.application.blob.port.in;

/**
 * An upload refused by a rule of SPEC 8.7 that has no domain error: {@link Kind#TOO_LARGE} (413
 * {@code payload_too_large}, the connection is closed after the response) or {@link Kind#UNSUPPORTED_TYPE} (415
 * {@code unsupported_media_type}). The other refusals are {@code InvalidRequestException} (400) and, for the
 * attachment quota, {@code ConflictException} (409). Cheap: no stack trace.
 */
public final class UploadRejectedException extends RuntimeException {
    public enum Kind { TOO_LARGE, UNSUPPORTED_TYPE }

    private final Kind kind;

    private UploadRejectedException(Kind kind) {
        super("upload rejected: " + kind, null, false, false);
        this.kind = kind;
    }

    public static UploadRejectedException tooLarge() {
        return new UploadRejectedException(Kind.TOO_LARGE);
    }

    public static UploadRejectedException unsupportedType() {
        return new UploadRejectedException(Kind.UNSUPPORTED_TYPE);
    }

    public Kind kind() {
        return kind;
    }
}
