package dev.filament.bootstrap.wiring;

import dev.filament.application.budget.RequestBudget;
import dev.filament.application.budget.RequestTimings;
import dev.filament.application.gateway.GatewayCommandHandler;
import dev.filament.application.gateway.commands.GatewayCommandService;
import dev.filament.application.gateway.commands.GatewayMessageCreator;
import dev.filament.application.guild.port.PayloadSerializer;
import dev.filament.application.message.CreateMessageUseCase.CreateMessageCommand;
import dev.filament.application.message.MessageKit;
import dev.filament.application.message.MessageUseCases;
import dev.filament.application.search.usecase.SearchUseCases;
import dev.filament.bootstrap.config.ServerConfig;
import dev.filament.domain.id.IdGenerator;
import dev.filament.http.edge.EdgeHandlers;
import dev.filament.http.error.EdgeTelemetry;
import dev.filament.http.gateway.GatewayRoutes;
import dev.filament.http.gateway.GatewaySettings;
import dev.filament.http.gateway.GatewayWiring;
import dev.filament.http.json.Json;
import dev.filament.http.json.JsonBodies;
import dev.filament.markdown.CommonmarkTokenizer;
import dev.filament.http.message.MessageRoutes;
import dev.filament.http.metrics.HttpMetrics;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.search.SearchRoutes;
import dev.filament.postgres.message.JooqMessageRepository;
import dev.filament.postgres.search.JooqSearchOutbox;
import dev.filament.postgres.search.JooqSearchQuery;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Messages, search and the WebSocket gateway (SPEC 8-10): use cases, their routes and the gateway commands. */
public final class MessagingWiring {
    private final List<RouteModule> routes;

    private MessagingWiring(List<RouteModule> routes) {
        this.routes = routes;
    }

    /** What the messaging features take from the rest of the wiring. */
    public record Needs(ServerConfig config, DatabaseWiring database, GuildWiring.GuildModule guilds,
                        RealtimeWiring realtime,
                        IdentityWiring identity, PayloadSerializer payloads, EdgeHandlers edge,
                        EdgeTelemetry telemetry, HttpMetrics httpMetrics, MeterRegistry meters, Json json,
                        JsonBodies bodies, IdGenerator ids, RequestBudget budget, RequestTimings timings, Clock clock,
                        Lifecycle lifecycle) {
    }

    public static MessagingWiring create(Needs n) {
        var uow = n.database().unitOfWork;
        MessageKit kit = MessageUseCases.kit(uow, n.guilds().channels(), n.guilds().ladder(), n.guilds().audits(),
                n.guilds().handOffs(), n.ids(), n.clock(), new JooqMessageRepository(uow),
                new JooqSearchOutbox(uow, n.clock()), n.realtime().searchQueue, new CommonmarkTokenizer(), n.timings());
        MessageUseCases messages = MessageUseCases.create(kit);
        SearchUseCases search = SearchUseCases.create(kit, new JooqSearchQuery(uow));
        GatewayMessageCreator creator = (caller, guild, channel, content, surface) -> messages.create().create(
                new CreateMessageCommand(caller.user(), caller.clientIp(), surface, guild, channel, content,
                        List.of()));
        GatewayCommandHandler commands = new GatewayCommandService(uow, n.guilds().ladder(), n.realtime().fanout,
                n.realtime().fanout, n.payloads(), n.realtime().voiceSubscribeSync, creator, n.realtime().revalidation);
        ServerConfig c = n.config();
        GatewaySettings settings = GatewaySettings.of(c.requestTimeout(), c.gatewayIngressEventsPerWindow(),
                Duration.ofSeconds(c.gatewayIngressWindowSecs()), Set.copyOf(c.gatewayAllowedOrigins()));
        GatewayRoutes gateway = n.lifecycle().own(GatewayWiring.routes(settings, new GatewayWiring.Dependencies(
                n.realtime().fanout, n.realtime().fanout, commands, n.identity().authenticate, n.identity().tokens,
                n.ids(), n.budget(), n.edge(), n.telemetry(), n.httpMetrics(), n.meters(), n.json(), n.clock())));
        return new MessagingWiring(List.of(new MessageRoutes(messages, n.identity().bearer, n.bodies()),
                new SearchRoutes(search, n.identity().bearer), gateway));
    }

    public List<RouteModule> routes() {
        return routes;
    }
}
