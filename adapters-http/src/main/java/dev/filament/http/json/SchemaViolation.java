package dev.filament.http.json;

/** Well-formed JSON that does not match the route's schema (422 {@code invalid_request}, SPEC 1.5). */
public final class SchemaViolation extends RuntimeException {
    public SchemaViolation(String message) {
        super(message, null, false, false);
    }
}
