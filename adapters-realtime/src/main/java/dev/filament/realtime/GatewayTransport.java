package dev.filament.realtime;

import dev.filament.application.gateway.GatewaySocket;

import java.io.IOException;

/**
 * The socket of one gateway connection, as the fanout sees it; the HTTP adapter implements it over Javalin's
 * WebSocket, tests over fakes. The gateway never touches a socket any other way.
 *
 * <p>Threading: {@link #sendText} and {@link #close} are called only by the connection's own writer thread, one at a
 * time, so they may block that thread (up to the transport's write timeout). {@link #abort} is called from a
 * watchdog thread, possibly while {@code sendText} is blocked, and must make such a blocked call return or throw.
 */
public interface GatewayTransport extends GatewaySocket {

    /** Writes one text frame; may block the writer thread; throws when the socket failed. */
    void sendText(String text) throws IOException;

    /** Sends a close frame with {@code code} and {@code reason}, then closes. Called at most once, after the last frame. */
    void close(int code, String reason);

    /** Drops the connection without a close frame (the peer is gone or not reading). Must not block. */
    void abort();
}
