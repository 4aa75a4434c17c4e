package dev.filament.http.gateway;

import dev.filament.application.gateway.port.out.GatewaySocket;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * {@link GatewaySocket} over a Jetty 12 WebSocket session. A send blocks the writer until Jetty flushed the frame or
 * the write timeout passed (then the socket is dropped so a stuck peer holds nothing); abort never waits.
 */
final class JettyGatewaySocket implements GatewaySocket {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final Session session;
    private final Duration writeTimeout;

    JettyGatewaySocket(Session session, Duration writeTimeout) {
        this.session = session;
        this.writeTimeout = writeTimeout;
    }

    @Override
    public void sendText(String text) throws IOException {
        CompletableFuture<Void> written = new CompletableFuture<>();
        session.sendText(text, Callback.from(() -> written.complete(null), written::completeExceptionally));
        try {
            written.get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abort();
            // the port's convention: a write timeout is a SocketTimeoutException (a slow consumer, not a lost socket)
            throw new SocketTimeoutException("socket write exceeded " + writeTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new IOException("socket write failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("socket write interrupted");
        }
    }

    @Override
    public void close(int code, String reason) {
        // Jetty queues the close frame behind the frames already sent and closes TCP once it is written
        session.close(code, reason, Callback.NOOP);
    }

    @Override
    public void abort() {
        session.disconnect();
    }

    /** Sends a ping control frame without waiting (SPEC 9.3 heartbeat). */
    void ping() {
        session.sendPing(EMPTY.duplicate(), Callback.NOOP);
    }
}
