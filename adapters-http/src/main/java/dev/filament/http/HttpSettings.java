package dev.filament.http;

import java.time.Duration;
import java.util.Optional;

/** What the HTTP edge needs from configuration (SPEC 13). */
public record HttpSettings(
        String host,
        int port,
        Duration requestTimeout,
        long maxBodyBytes,
        boolean debugRoutes,
        boolean debugTimings,
        Optional<String> metricsToken,
        ConnectionLimits connections) {

    public HttpSettings {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 1");
        }
        metricsToken = metricsToken == null ? Optional.empty() : metricsToken;
        connections = connections == null ? ConnectionLimits.DEFAULT : connections;
    }

    /** Settings with the SPEC 2.1 default connection limits. */
    public HttpSettings(String host, int port, Duration requestTimeout, long maxBodyBytes, boolean debugRoutes,
                        boolean debugTimings, Optional<String> metricsToken) {
        this(host, port, requestTimeout, maxBodyBytes, debugRoutes, debugTimings, metricsToken,
                ConnectionLimits.DEFAULT);
    }

    /**
     * The limits applied at the connection, before any request handling (SPEC 2.1): open client connections per
     * process and per peer network, and the time a request head may take from its first byte.
     */
    public record ConnectionLimits(int maxConnections, int maxConnectionsPerPeer, Duration requestHeadTimeout) {
        public static final int SPEC_PER_PEER = 256;
        public static final Duration SPEC_HEAD_TIMEOUT = Duration.ofSeconds(10);
        public static final ConnectionLimits DEFAULT = new ConnectionLimits(20_000, SPEC_PER_PEER, SPEC_HEAD_TIMEOUT);

        public ConnectionLimits {
            if (maxConnections < 1 || maxConnectionsPerPeer < 1) {
                throw new IllegalArgumentException("connection limits must be >= 1");
            }
            if (requestHeadTimeout == null || requestHeadTimeout.isNegative() || requestHeadTimeout.isZero()) {
                throw new IllegalArgumentException("requestHeadTimeout must be positive");
            }
        }

        /** The process cap from configuration with the fixed per-peer cap and head deadline of SPEC 13. */
        public static ConnectionLimits perProcess(int maxConnections) {
            return new ConnectionLimits(maxConnections, SPEC_PER_PEER, SPEC_HEAD_TIMEOUT);
        }
    }
}
