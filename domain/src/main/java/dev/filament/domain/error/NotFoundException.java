package dev.filament.domain.error;

/** A resource, route or path id that does not exist (404 {@code not_found}). */
public final class NotFoundException extends FilamentException {
    public NotFoundException(String what) {
        super("not_found", what + " not found");
    }
}
