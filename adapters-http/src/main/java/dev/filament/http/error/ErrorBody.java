package dev.filament.http.error;

/** The body of every non-2xx response: {@code {"error":"<code>","request_id":"<id>"}} and nothing more (SPEC 1.7). */
public record ErrorBody(String error, String requestId) {
}
