package dev.filament.http.error;

/** The request body is over {@code FILAMENT_MAX_BODY_BYTES} (413 {@code payload_too_large}). */
public final class PayloadTooLarge extends RuntimeException {
    public PayloadTooLarge() {
        super("payload too large", null, false, false);
    }
}
