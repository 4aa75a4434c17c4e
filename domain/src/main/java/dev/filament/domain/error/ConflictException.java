package dev.filament.domain.error;

/** A count cap or uniqueness rule blocks the write (409). */
public final class ConflictException extends FilamentException {
    public static final String QUOTA_EXCEEDED = "quota_exceeded";
    public static final String CONFLICT = "conflict";

    public ConflictException(String code, String reason) {
        super(code, reason);
    }

    public static ConflictException quotaExceeded(String what) {
        return new ConflictException(QUOTA_EXCEEDED, what + " quota exceeded");
    }
}
