package dev.filament.application.voice.port.out;

/**
 * A LiveKit call failed (I/O error, timeout, unexpected status or body). Only the sync loop sees it; it is logged and
 * skipped, never mapped to a client error.
 */
public final class LiveKitCallException extends RuntimeException {

    public LiveKitCallException(String message) {
        super(message);
    }

    public LiveKitCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
