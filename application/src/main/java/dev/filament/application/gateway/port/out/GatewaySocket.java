package dev.filament.application.gateway.port.out;

import java.io.IOException;

/**
 * The socket of one gateway connection as the realtime core sees it; the HTTP adapter implements it over the
 * WebSocket server, tests over fakes. The gateway never touches a socket any other way.
 *
 * <p>Threading: {@link #sendText} and {@link #close} are called only by the connection's own writer, one at a time;
 * {@code sendText} may block that thread up to the transport's write timeout. {@link #abort} may be called from any
 * thread, also while {@code sendText} is blocked, and must make such a call return or throw without blocking itself.
 */
public interface GatewaySocket {

    /**
     * Writes one text frame; may block the writer up to the write timeout. Throws
     * {@link java.net.SocketTimeoutException} when the write timed out (a slow consumer) and any other
     * {@link IOException} when the socket failed (a lost connection, resumable).
     */
    void sendText(String text) throws IOException;

    /** Sends a close frame with {@code code} and {@code reason}, then closes. Called at most once, after the last frame. */
    void close(int code, String reason);

    /** Drops the connection without a close frame. Never blocks. */
    void abort();
}
