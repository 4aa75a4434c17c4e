package dev.filament.application.blob.port.in;

/**
 * Reading a raw upload body failed: no byte arrived within the body-idle bound ({@code timedOut}: 408
 * {@code request_timeout}, SPEC 2.2) or the client broke the stream off (400 {@code invalid_request}; it is rarely
 * still listening). Thrown by the HTTP layer's body stream; the connection is closed after the response.
 */
public final class UploadBodyFailure extends RuntimeException {
    private final boolean timedOut;

    public UploadBodyFailure(boolean timedOut, Throwable cause) {
        super(timedOut ? "upload body idle timeout" : "upload body read failed", cause, false, false);
        this.timedOut = timedOut;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
