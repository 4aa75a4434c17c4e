package dev.filament.domain.error;

/** Input that is well-formed but breaks a business or query rule (400 {@code invalid_request}). */
public final class InvalidRequestException extends FilamentException {
    public InvalidRequestException(String reason) {
        super("invalid_request", reason);
    }
}
