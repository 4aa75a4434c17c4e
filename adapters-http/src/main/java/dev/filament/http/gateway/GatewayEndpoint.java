package dev.filament.http.gateway;

import java.nio.ByteBuffer;
import java.util.function.Function;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The Jetty endpoint of one gateway socket. It receives messages as fragments (so size is checked before buffering)
 * and pong frames (which Javalin's own endpoint does not surface), and forwards everything to its
 * {@link GatewayConnection}. Public only because Jetty invokes listener methods reflectively.
 */
public final class GatewayEndpoint implements Session.Listener.AutoDemanding {
    private final Function<Session, GatewayConnection> opener;
    private GatewayConnection connection;

    GatewayEndpoint(Function<Session, GatewayConnection> opener) {
        this.opener = opener;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        connection = opener.apply(session);
        connection.open();
    }

    @Override
    public void onWebSocketPartialText(String fragment, boolean last) {
        connection.onText(fragment, last);
    }

    @Override
    public void onWebSocketPartialBinary(ByteBuffer fragment, boolean last, Callback callback) {
        try {
            connection.onBinary(fragment, last);
        } finally {
            callback.succeed();
        }
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        connection.onPong();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        try {
            if (connection != null) {
                connection.onPeerClosed(statusCode);
            }
        } finally {
            callback.succeed();
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        if (connection != null) {
            connection.onError(cause);
        }
    }
}
