package dev.filament.http.gateway;

import dev.filament.application.gateway.port.in.GatewayCaller;
import dev.filament.application.gateway.port.out.GatewayConnections;
import dev.filament.application.gateway.port.out.ResumeRequest;
import dev.filament.domain.id.IdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.ee10.websocket.server.JettyServerUpgradeRequest;
import org.eclipse.jetty.ee10.websocket.server.JettyServerUpgradeResponse;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketCreator;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Creates the endpoint of each admitted upgrade: a new connection id, the caller from the admission the upgrade
 * handler stored on the request, and the socket limits (size is enforced by the connection's own fragment count).
 */
public final class GatewayEndpoints implements JettyWebSocketCreator {
    private final GatewaySettings settings;
    private final GatewayConnections connections;
    private final InboundReader reader;
    private final GatewayIngressMetrics metrics;
    private final CommandRunner commands;
    private final GatewayAuthenticator authenticator;
    private final ScheduledExecutorService timer;
    private final IdGenerator ids;
    private final Clock clock;

    /** {@code timer} runs every connection's heartbeat, re-check and expiry; {@link GatewayRoutes} stops it. */
    public GatewayEndpoints(GatewaySettings settings, GatewayConnections connections, InboundReader reader,
                            GatewayIngressMetrics metrics, CommandRunner commands,
                            GatewayAuthenticator authenticator, ScheduledExecutorService timer, IdGenerator ids,
                            Clock clock) {
        this.settings = settings;
        this.connections = connections;
        this.reader = reader;
        this.metrics = metrics;
        this.commands = commands;
        this.authenticator = authenticator;
        this.timer = timer;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Object createWebSocket(JettyServerUpgradeRequest request, JettyServerUpgradeResponse response)
            throws Exception {
        if (!(request.getHttpServletRequest().getAttribute(GatewayAdmission.ATTRIBUTE)
                instanceof GatewayAdmission admission)) {
            // only reachable if the upgrade handler did not run: refuse rather than open an anonymous socket
            response.sendForbidden("not admitted");
            return null;
        }
        GatewayCaller caller = new GatewayCaller(admission.user().userId(), admission.user().sessionId(),
                ids.newConnectionId(), admission.clientIp());
        Optional<ResumeRequest> resume = Optional.ofNullable(
                request.getHttpServletRequest().getAttribute(GatewayUpgrade.RESUME_ATTRIBUTE) instanceof ResumeRequest r
                        ? r : null);
        return new GatewayEndpoint(session -> connection(admission, caller, resume, session));
    }

    private GatewayConnection connection(GatewayAdmission admission, GatewayCaller caller,
            Optional<ResumeRequest> resume, Session session) {
        // our own heartbeat decides liveness; Jetty's idle timeout is only a backstop well beyond it
        session.setIdleTimeout(settings.pongTimeout().plus(settings.pingInterval()).multipliedBy(2));
        Duration write = settings.writeTimeout();
        return new GatewayConnection(admission, caller, resume, new JettyGatewaySocket(session, write), settings,
                connections, reader, metrics, commands, authenticator, timer, clock);
    }
}
