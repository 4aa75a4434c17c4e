package dev.filament.domain.error;

/** The request budget ran out before the final commit (408 {@code request_timeout}). */
public final class RequestTimeoutException extends FilamentException {
    public RequestTimeoutException(String what) {
        super("request_timeout", what);
    }
}
