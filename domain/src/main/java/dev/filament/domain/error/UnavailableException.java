package dev.filament.domain.error;

/** A dependency did not answer within its bound (503). {@code kind} names the wait for logs and metrics. */
public final class UnavailableException extends FilamentException {
    public static final String UNAVAILABLE = "unavailable";
    public static final String VOICE_UNAVAILABLE = "voice_unavailable";

    private final String kind;

    public UnavailableException(String code, String kind) {
        super(code, "unavailable: " + kind);
        this.kind = kind;
    }

    public static UnavailableException dependency(String kind) {
        return new UnavailableException(UNAVAILABLE, kind);
    }

    public String kind() {
        return kind;
    }
}
