package dev.filament.http.gateway;

import dev.filament.domain.error.InvalidRequestException;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.routes.Router;
import io.javalin.config.JettyConfig;
import io.javalin.config.RoutesConfig;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The gateway route {@code GET /gateway/ws} (SPEC 9.1). Two halves: {@link #register} adds the plain HTTP route
 * (a request that is not a WebSocket upgrade answers 400 {@code invalid_request}) through the shared router, and
 * {@link #installWebSocket} adds the upgrade path, which Javalin keeps apart from HTTP routing: a before-upgrade
 * handler (edge steps, query, Origin, authentication), the Javalin WebSocket route that makes the path upgradable,
 * and the Jetty endpoint mapping that receives the socket's frames (including pongs).
 */
public final class GatewayRoutes implements RouteModule, AutoCloseable {
    public static final String PATH = "/gateway/ws";

    private final GatewayUpgrade upgrade;
    private final GatewayEndpoints endpoints;
    private final ScheduledExecutorService timer;

    public GatewayRoutes(GatewayUpgrade upgrade, GatewayEndpoints endpoints, ScheduledExecutorService timer) {
        this.upgrade = upgrade;
        this.endpoints = endpoints;
        this.timer = timer;
    }

    @Override
    public void register(Router router) {
        router.get(PATH, ctx -> {
            throw new InvalidRequestException("websocket upgrade required");
        });
    }

    /**
     * Installs the upgrade half on the app's configuration before the server starts: inside
     * {@code Javalin.create(cfg -> ...)} with {@code cfg.routes, cfg.jetty}, or between create and start with
     * {@code app.unsafe.routes, app.unsafe.jetty}.
     */
    @Override
    public void configure(io.javalin.config.JavalinConfig cfg) {
        installWebSocket(cfg.routes, cfg.jetty);
    }

    public void installWebSocket(RoutesConfig routes, JettyConfig jetty) {
        routes.wsBeforeUpgrade(PATH, upgrade);
        // the route only makes the path upgradable: the frames go to the Jetty endpoint mapped below
        routes.ws(PATH, ws -> { });
        jetty.modifyWebSocketServletFactory(factory -> factory.addMapping(PATH, endpoints));
    }

    /** Stops the gateway timers (heartbeats, re-checks, command deadlines). Open sockets are closed by the core. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
