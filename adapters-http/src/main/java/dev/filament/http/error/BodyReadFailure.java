package dev.filament.http.error;

/**
 * Reading a raw upload body failed: no byte arrived within the body-idle bound (408 {@code request_timeout}, SPEC
 * 2.2) or the client broke the stream off (400 {@code invalid_request}; it is rarely still listening). The connection
 * is closed after the response either way.
 */
public final class BodyReadFailure extends RuntimeException {
    private final boolean idleTimeout;

    public BodyReadFailure(boolean idleTimeout, Throwable cause) {
        super(idleTimeout ? "upload body idle timeout" : "upload body read failed", cause, false, false);
        this.idleTimeout = idleTimeout;
    }

    public boolean idleTimeout() {
        return idleTimeout;
    }
}
