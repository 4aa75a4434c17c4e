package dev.filament.http.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.ByteArrayEndPoint;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.junit.jupiter.api.Test;

/** The socket-level bookkeeping of {@link ConnectionCaps}: upgrades keep one slot, closes release it. */
class ConnectionCapsTest {
    private final List<String> rejected = new ArrayList<>();
    private final ConnectionCaps caps = new ConnectionCaps(2, 2, ip -> false, new PreRoutingOutcomes() {
        @Override public void answered(String method, int status) { }
        @Override public void connectionRejected(String reason) {
            rejected.add(reason);
        }
    });

    private static Connection on(EndPoint socket) {
        return new AbstractConnection(socket, Runnable::run) {
            @Override
            public void onFillable() {
            }
        };
    }

    @Test
    void aWebSocketUpgradeKeepsTheSocketsOneSlotUntilTheSocketCloses() {
        ByteArrayEndPoint socket = new ByteArrayEndPoint();
        Connection http = on(socket);
        caps.onOpened(http);
        Connection webSocket = on(socket);
        caps.onClosed(http);      // Jetty closes the HTTP connection while the socket stays open
        caps.onOpened(webSocket); // and opens the upgraded one on the same socket
        assertThat(caps.open()).isEqualTo(1);

        socket.close();
        caps.onClosed(webSocket);
        assertThat(caps.open()).isZero();
        assertThat(rejected).isEmpty();
    }

    @Test
    void theProcessCapClosesTheConnectionBeyondItAndFreesItsSlotWhenClosed() {
        ByteArrayEndPoint a = new ByteArrayEndPoint();
        ByteArrayEndPoint b = new ByteArrayEndPoint();
        ByteArrayEndPoint c = new ByteArrayEndPoint();
        caps.onOpened(on(a));
        caps.onOpened(on(b));
        Connection third = on(c);
        caps.onOpened(third);

        assertThat(c.isOpen()).isFalse();
        assertThat(a.isOpen()).isTrue();
        assertThat(rejected).containsExactly("process");
        caps.onClosed(third);
        assertThat(caps.open()).isEqualTo(2);
    }
}
