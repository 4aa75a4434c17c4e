package dev.filament.http.json;

/** A JSON route called without {@code Content-Type: application/json} (415). */
public final class UnsupportedMediaType extends RuntimeException {
    public UnsupportedMediaType() {
        super("content type must be application/json", null, false, false);
    }
}
