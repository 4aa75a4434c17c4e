package dev.filament.http.gateway;

import dev.filament.application.budget.RequestBudget;
import dev.filament.application.gateway.GatewayCommandHandler;
import dev.filament.application.gateway.GatewayConnections;
import dev.filament.application.gateway.GatewayEventPublisher;
import dev.filament.application.identity.AuthenticateRequestUseCase;
import dev.filament.application.identity.port.TokenService;
import dev.filament.domain.id.IdGenerator;
import dev.filament.http.edge.EdgeHandlers;
import dev.filament.http.error.EdgeTelemetry;
import dev.filament.http.json.Json;
import dev.filament.http.metrics.HttpMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Builds the gateway binding from the realtime core's ports, the command handler and the HTTP edge. */
public final class GatewayWiring {

    private GatewayWiring() {
    }

    /** The ports and HTTP-edge parts the binding uses. */
    public record Dependencies(
            GatewayConnections connections,
            GatewayEventPublisher publisher,
            GatewayCommandHandler commands,
            AuthenticateRequestUseCase authenticate,
            TokenService tokens,
            IdGenerator ids,
            RequestBudget requestBudget,
            EdgeHandlers edge,
            EdgeTelemetry telemetry,
            HttpMetrics httpMetrics,
            MeterRegistry meters,
            Json json,
            Clock clock) {
    }

    /**
     * The route module; register it with the other modules, call {@link GatewayRoutes#installWebSocket} before the
     * server starts, and close it after the server stopped.
     */
    public static GatewayRoutes routes(GatewaySettings settings, Dependencies deps) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("gateway-timer").factory());
        GatewayAuthenticator authenticator = new GatewayAuthenticator(deps.authenticate(), deps.tokens(), deps.clock());
        ConnectionServices services = new ConnectionServices(settings, new InboundReader(deps.json()),
                deps.connections(), deps.commands(),
                new CommandDeadline(settings.commandTimeout(), deps.requestBudget(), timer),
                new ErrorEvents(deps.publisher(), deps.json()), authenticator,
                new GatewayIngressMetrics(deps.meters(), deps.httpMetrics()), timer, deps.clock());
        GatewayUpgrade upgrade = new GatewayUpgrade(deps.edge(), settings, authenticator, deps.requestBudget(),
                settings.commandTimeout(), new UpgradeOutcomes(deps.telemetry(), deps.httpMetrics(), deps.json()));
        return new GatewayRoutes(upgrade, new GatewayEndpoints(services, deps.ids()), timer);
    }
}
