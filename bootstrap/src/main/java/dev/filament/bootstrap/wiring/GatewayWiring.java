package dev.filament.bootstrap.wiring;

import dev.filament.application.shared.RequestBudget;
import dev.filament.application.gateway.port.in.GatewayCommandHandler;
import dev.filament.application.gateway.service.GatewayCommandService;
import dev.filament.application.gateway.service.RevalidateGuildSubscriptionsService;
import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.port.out.AccessLoader;
import dev.filament.application.wire.EventSerializer;
import dev.filament.application.identity.port.in.AuthenticateRequestUseCase;
import dev.filament.application.identity.port.out.TokenService;
import dev.filament.application.message.port.in.CreateMessageUseCase;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.voice.port.in.SyncVoiceParticipantsUseCase;
import dev.filament.application.voice.port.out.VoiceRegistry;
import dev.filament.bootstrap.config.ServerConfig;
import dev.filament.domain.id.IdGenerator;
import dev.filament.http.edge.EdgeHandlers;
import dev.filament.http.error.EdgeTelemetry;
import dev.filament.http.gateway.CommandDeadline;
import dev.filament.http.gateway.CommandRunner;
import dev.filament.http.gateway.ErrorEvents;
import dev.filament.http.gateway.GatewayAuthenticator;
import dev.filament.http.gateway.GatewayEndpoints;
import dev.filament.http.gateway.GatewayIngressMetrics;
import dev.filament.http.gateway.GatewayRoutes;
import dev.filament.http.gateway.GatewaySettings;
import dev.filament.http.gateway.GatewayUpgrade;
import dev.filament.http.gateway.InboundReader;
import dev.filament.http.gateway.UpgradeOutcomes;
import dev.filament.http.json.Json;
import dev.filament.http.metrics.HttpMetrics;
import dev.filament.realtime.GatewayFanout;
import dev.filament.realtime.revalidation.GuildRevalidationWorker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The WebSocket gateway (SPEC 9): the command handler over the realtime fanout, the subscription revalidation pass,
 * and the Javalin/Jetty binding of {@code /gateway/ws}.
 */
public final class GatewayWiring {

    private GatewayWiring() {
    }

    /**
     * The gateway commands: {@code subscribe} with the guild ladder, {@code message_create} through the message
     * feature's create use case.
     */
    public static GatewayCommandHandler commands(AccessLadder ladder, UnitOfWork unitOfWork, GatewayFanout fanout,
                                                 EventSerializer payloads, SyncVoiceParticipantsUseCase voiceSync,
                                                 CreateMessageUseCase createMessage,
                                                 GuildRevalidationWorker revalidation) {
        return new GatewayCommandService(ladder, unitOfWork, fanout, fanout, payloads, voiceSync, createMessage,
                revalidation);
    }

    /** Starts the revalidation worker with its pass (guild ladder and access loader over the fanout and voice). */
    public static void startRevalidation(GuildRevalidationWorker worker, AccessLadder ladder, AccessLoader access,
                                         UnitOfWork unitOfWork, GatewayFanout fanout, VoiceRegistry voice,
                                         Clock clock) {
        worker.start(new RevalidateGuildSubscriptionsService(ladder, access, unitOfWork, fanout, voice, clock));
    }

    /**
     * The route module, owned by {@code lifecycle} (closing it stops the gateway timers); register it with the
     * other modules, which installs the WebSocket upgrade before the server starts.
     */
    public static GatewayRoutes routes(ServerConfig config, GatewayFanout fanout, GatewayCommandHandler commands,
                                       AuthenticateRequestUseCase authenticate, TokenService tokens,
                                       IdGenerator ids, RequestBudget budget, EdgeHandlers edge,
                                       EdgeTelemetry telemetry, HttpMetrics httpMetrics, MeterRegistry meters,
                                       Json json, Clock clock, Lifecycle lifecycle) {
        GatewaySettings settings = GatewaySettings.of(config.requestTimeout(), config.gatewayIngressEventsPerWindow(),
                Duration.ofSeconds(config.gatewayIngressWindowSecs()), Set.copyOf(config.gatewayAllowedOrigins()));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("gateway-timer").factory());
        GatewayAuthenticator authenticator = new GatewayAuthenticator(authenticate, tokens, clock);
        CommandRunner runner = new CommandRunner(commands,
                new CommandDeadline(settings.commandTimeout(), budget, timer), new ErrorEvents(fanout, json));
        GatewayEndpoints endpoints = new GatewayEndpoints(settings, fanout, new InboundReader(json),
                new GatewayIngressMetrics(meters, httpMetrics), runner, authenticator, timer, ids, clock);
        GatewayUpgrade upgrade = new GatewayUpgrade(edge, settings, authenticator, budget, settings.commandTimeout(),
                new UpgradeOutcomes(telemetry, httpMetrics, json));
        return lifecycle.own(new GatewayRoutes(upgrade, endpoints, timer));
    }
}
