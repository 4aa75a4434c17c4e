package dev.filament.http.gateway;

import dev.filament.application.gateway.GatewayCaller;
import dev.filament.domain.id.IdGenerator;
import java.time.Duration;
import org.eclipse.jetty.ee10.websocket.server.JettyServerUpgradeRequest;
import org.eclipse.jetty.ee10.websocket.server.JettyServerUpgradeResponse;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketCreator;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Creates the endpoint of each admitted upgrade: a new connection id, the caller from the admission the upgrade
 * handler stored on the request, and the socket limits (size is enforced by the connection's own fragment count).
 */
final class GatewayEndpoints implements JettyWebSocketCreator {
    private final ConnectionServices services;
    private final IdGenerator ids;

    GatewayEndpoints(ConnectionServices services, IdGenerator ids) {
        this.services = services;
        this.ids = ids;
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
        return new GatewayEndpoint(session -> connection(admission, caller, session));
    }

    private GatewayConnection connection(GatewayAdmission admission, GatewayCaller caller, Session session) {
        GatewaySettings settings = services.settings();
        // our own heartbeat decides liveness; Jetty's idle timeout is only a backstop well beyond it
        session.setIdleTimeout(settings.pongTimeout().plus(settings.pingInterval()).multipliedBy(2));
        Duration write = settings.writeTimeout();
        return new GatewayConnection(admission, caller, new JettyGatewayTransport(session, write), services);
    }
}
