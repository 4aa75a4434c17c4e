package dev.filament.http.connection;

import dev.filament.domain.net.IpAddress;
import dev.filament.http.HttpSettings;
import io.javalin.config.JettyConfig;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Installs what SPEC 2.1 asks of the HTTP server before any request handler: the head size limit, the JSON error
 * handler, the method and URI guard, the request-head deadline and the connection caps.
 */
public final class JettyEdge {
    /** Request line plus headers; a head over it is refused by Jetty (414 while in the URI, else 431). */
    static final int MAX_HEAD_BYTES = 16 * 1024;

    /** Listen backlog; the kernel caps it at {@code net.core.somaxconn} (4096 on current Linux). */
    static final int ACCEPT_QUEUE = 4096;

    private JettyEdge() {
    }

    public static void install(JettyConfig jetty, HttpSettings settings,
                               Function<String, Optional<Set<String>>> allowedMethods,
                               Predicate<IpAddress> trustedPeer, PreRoutingOutcomes outcomes) {
        HttpSettings.ConnectionLimits limits = settings.connections();
        jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_HEAD_BYTES));
        jetty.modifyServer(server -> {
            server.setErrorHandler(new JsonErrorHandler(outcomes));
            server.insertHandler(new RequestGuardHandler(allowedMethods, outcomes));
        });
        jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server,
                    new HeadDeadlineConnectionFactory(http, limits.requestHeadTimeout(), outcomes));
            connector.setHost(settings.host());
            connector.setPort(settings.port());
            // a reconnect storm (every client of a deploy at once, issue #11) must queue in the kernel, not overflow:
            // 0 would mean the JDK's backlog of 50, and handshakes dropped beyond it stall clients for many seconds
            connector.setAcceptQueueSize(ACCEPT_QUEUE);
            connector.addEventListener(new ConnectionCaps(limits.maxConnections(), limits.maxConnectionsPerPeer(),
                    trustedPeer, outcomes));
            return connector;
        });
    }
}
