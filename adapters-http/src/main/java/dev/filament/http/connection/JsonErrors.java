package dev.filament.http.connection;

import dev.filament.http.edge.RequestIdHandler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes the SPEC 1.7 error body for a response the HTTP server produces itself, before routing: JSON with an
 * {@code X-Request-Id}, {@code Cache-Control: no-store}, and {@code Connection: close} since the request body (if any)
 * was never read (SPEC 2.1).
 */
final class JsonErrors {
    private JsonErrors() {
    }

    /** The wire code for a status the server answers before routing (SPEC 1.7 table). */
    static String code(int status) {
        return switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 431 -> "headers_too_large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "invalid_request";
        };
    }

    /**
     * The status actually sent: anything outside the SPEC table becomes 400 or 500; Jetty's 501 (unknown transfer
     * coding) and 505 (unknown HTTP version) are malformed requests, so 400.
     */
    static int status(int status) {
        return switch (status) {
            case 400, 404, 405, 408, 413, 414, 415, 431, 500, 503 -> status;
            case 501, 505 -> 400;
            default -> status >= 500 ? 500 : 400;
        };
    }

    /** Writes the error and completes {@code callback}; {@code extraHeaders} such as {@code Allow}. */
    static void write(Request request, Response response, Callback callback, int rawStatus,
                      Map<String, String> extraHeaders) {
        int status = status(rawStatus);
        String offered = request.getHeaders() == null ? null : request.getHeaders().get(RequestIdHandler.HEADER);
        String id = RequestIdHandler.isValid(offered) ? offered : UUID.randomUUID().toString();
        String body = "{\"error\":\"" + code(status) + "\",\"request_id\":\"" + id + "\"}";
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put(RequestIdHandler.HEADER, id);
        headers.put(HttpHeader.CONNECTION, "close");
        if (status == 503) {
            headers.put(HttpHeader.RETRY_AFTER, "1");
        }
        extraHeaders.forEach(headers::put);
        response.setStatus(status);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
