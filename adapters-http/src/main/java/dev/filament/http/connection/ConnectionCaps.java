package dev.filament.http.connection;

import dev.filament.domain.net.IpAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;

/**
 * SPEC 2.1 connection caps: at most {@code maxConnections} open client connections per process and
 * {@code maxPerPeer} per TCP peer network (IPv6 by /64) outside the trusted proxies. A connection beyond a cap is
 * closed at once and counted. Counts follow the socket, so a WebSocket upgrade (a new Jetty connection on the same
 * socket) is neither counted twice nor released early. Thread-safe; Jetty calls it from its selector threads.
 */
public final class ConnectionCaps implements Connection.Listener {
    private final int maxConnections;
    private final int maxPerPeer;
    private final Predicate<IpAddress> exemptPeer;
    private final PreRoutingOutcomes outcomes;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Integer> perPeer = new ConcurrentHashMap<>();
    private final Map<EndPoint, Admitted> admitted = new ConcurrentHashMap<>();

    private record Admitted(String peerKey) {
    }

    /** @param exemptPeer peers counted only against the process cap (the trusted proxies of SPEC 2.5) */
    public ConnectionCaps(int maxConnections, int maxPerPeer, Predicate<IpAddress> exemptPeer,
                          PreRoutingOutcomes outcomes) {
        this.maxConnections = maxConnections;
        this.maxPerPeer = maxPerPeer;
        this.exemptPeer = exemptPeer;
        this.outcomes = outcomes;
    }

    @Override
    public void onOpened(Connection connection) {
        EndPoint socket = connection.getEndPoint();
        if (admitted.containsKey(socket)) {
            return; // an upgrade: the socket was counted when it opened
        }
        String peerKey = peerKey(socket.getRemoteSocketAddress());
        admitted.put(socket, new Admitted(peerKey));
        int total = open.incrementAndGet();
        int fromPeer = peerKey == null ? 0 : perPeer.merge(peerKey, 1, Integer::sum);
        if (total > maxConnections) {
            reject(socket, "process");
        } else if (fromPeer > maxPerPeer) {
            reject(socket, "peer");
        }
    }

    @Override
    public void onClosed(Connection connection) {
        EndPoint socket = connection.getEndPoint();
        if (socket.isOpen()) {
            return; // upgraded: the same socket lives on under its new connection
        }
        Admitted gone = admitted.remove(socket);
        if (gone == null) {
            return;
        }
        open.decrementAndGet();
        if (gone.peerKey() != null) {
            perPeer.computeIfPresent(gone.peerKey(), (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** Open client connections now (for tests and diagnostics). */
    public int open() {
        return open.get();
    }

    private void reject(EndPoint socket, String reason) {
        outcomes.connectionRejected(reason);
        socket.close();
    }

    private String peerKey(SocketAddress remote) {
        if (!(remote instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            return null;
        }
        IpAddress peer = IpAddress.of(inet.getAddress());
        return exemptPeer.test(peer) ? null : peer.networkKey();
    }
}
