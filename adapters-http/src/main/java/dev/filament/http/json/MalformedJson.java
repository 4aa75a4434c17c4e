package dev.filament.http.json;

/** Syntactically malformed JSON: bad syntax, duplicate keys or trailing data (400 {@code invalid_request}). */
public final class MalformedJson extends RuntimeException {
    public MalformedJson(String message) {
        super(message, null, false, false);
    }
}
