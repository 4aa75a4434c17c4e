package dev.filament.realtime;

import dev.filament.application.gateway.port.out.GatewaySocket;
import dev.filament.domain.gateway.CloseReason;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of a connection (SPEC 9.7.7), on its own virtual thread: sends queued frames in order, then the close
 * frame. A blocked send stalls only this thread; the watchdog aborts it past the write timeout.
 */
final class SessionWriter implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionWriter.class);

    private final ConnectionSession session;
    private final GatewaySocket transport;
    private final SessionLifecycle lifecycle;

    SessionWriter(ConnectionSession session, GatewaySocket transport, SessionLifecycle lifecycle) {
        this.session = session;
        this.transport = transport;
        this.lifecycle = lifecycle;
    }

    @Override
    public void run() {
        CloseReason failure = CloseReason.INTERNAL_ERROR;
        try {
            drain();
        } catch (InterruptedException e) {
            // aborted by the watchdog; the connection is already closing
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // a send past the write timeout is a slow consumer; any other socket failure a lost connection (SPEC 9.6)
            failure = e instanceof SocketTimeoutException ? CloseReason.SLOW_CONSUMER
                    : e instanceof IOException ? CloseReason.CONNECTION_LOST : CloseReason.INTERNAL_ERROR;
            if (!session.aborted()) {
                LOG.atDebug().setMessage("gateway.write.failed").addKeyValue("connection_id", session.id())
                        .addKeyValue("error", e.toString()).log();
            }
        } finally {
            // a writer that stops on its own (socket failure) still closes the connection and runs its departure
            lifecycle.close(session, failure);
            try {
                session.finishClose();
            } catch (RuntimeException e) {
                LOG.atDebug().setMessage("gateway.close.failed").addKeyValue("connection_id", session.id())
                        .addKeyValue("error", e.toString()).log();
            } finally {
                lifecycle.finished(session);
                logDisconnect();
            }
        }
    }

    // logged here, on the connection's own thread, so a burst of closes never logs on a request or dispatcher thread
    private void logDisconnect() {
        CloseReason reason = session.closeReason();
        LOG.atInfo().setMessage("gateway.disconnect").addKeyValue("connection_id", session.id())
                .addKeyValue("user_id", session.user()).addKeyValue("code", reason.code())
                .addKeyValue("reason", reason.reason()).addKeyValue("duration_s", session.age().toSeconds()).log();
    }

    private void drain() throws InterruptedException, IOException {
        OutboundFrame frame;
        while ((frame = session.awaitNext()) != null) {
            try {
                transport.sendText(frame.text());
            } finally {
                session.sendFinished();
            }
        }
    }
}
