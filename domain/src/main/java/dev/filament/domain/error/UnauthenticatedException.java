package dev.filament.domain.error;

/** Any authentication failure (401 {@code invalid_credentials}); the reason is for logs and metrics only. */
public final class UnauthenticatedException extends FilamentException {
    private final String reason;

    public UnauthenticatedException(String reason) {
        super("invalid_credentials", "authentication failed: " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
