package dev.filament.bootstrap;

import dev.filament.application.budget.RequestBudget;
import dev.filament.application.budget.RequestTimings;
import dev.filament.application.gateway.CloseReason;
import dev.filament.application.gateway.TimedGatewayEventPublisher;
import dev.filament.application.gateway.commands.RevalidateGuildSubscriptionsService;
import dev.filament.application.ratelimit.RateLimiter;
import dev.filament.application.voice.usecase.VoiceUseCases;
import dev.filament.bootstrap.config.ServerConfig;
import dev.filament.bootstrap.wiring.DatabaseWiring;
import dev.filament.bootstrap.wiring.GuildWiring.GuildModule;
import dev.filament.bootstrap.wiring.GuildWiring;
import dev.filament.bootstrap.wiring.IdentityWiring;
import dev.filament.bootstrap.wiring.Lifecycle;
import dev.filament.bootstrap.wiring.Limiters;
import dev.filament.bootstrap.wiring.MessagingWiring;
import dev.filament.bootstrap.wiring.MonotonicUlidGenerator;
import dev.filament.bootstrap.wiring.RealtimeWiring;
import dev.filament.domain.id.IdGenerator;
import dev.filament.domain.net.ClientIpResolver;
import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.http.HttpServer;
import dev.filament.http.HttpSettings;
import dev.filament.http.edge.EdgeHandlers;
import dev.filament.http.json.JacksonPayloadSerializer;
import dev.filament.http.json.Json;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.metrics.HttpMetrics;
import dev.filament.http.metrics.LoggingEdgeTelemetry;
import dev.filament.micrometer.LoggingHandOffFailures;
import dev.filament.http.routes.Readiness;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.routes.UtilityRoutes;
import dev.filament.http.voice.VoiceRoutes;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running server: wires every feature by hand, opens the port last, and shuts down in reverse order. */
public final class FilamentServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FilamentServer.class);

    private final Lifecycle lifecycle;
    private final Javalin app;
    private final DatabaseWiring database;

    private FilamentServer(Lifecycle lifecycle, Javalin app, DatabaseWiring database) {
        this.lifecycle = lifecycle;
        this.app = app;
        this.database = database;
    }

    public static FilamentServer start(ServerConfig config) {
        Lifecycle lifecycle = new Lifecycle();
        try {
            return wire(config, lifecycle);
        } catch (RuntimeException e) {
            lifecycle.close();
            throw e;
        }
    }

    private static FilamentServer wire(ServerConfig config, Lifecycle lifecycle) {
        Clock clock = Clock.systemUTC();
        IdGenerator ids = new MonotonicUlidGenerator();
        RequestBudget budget = new RequestBudget();
        RequestTimings timings = new RequestTimings();
        PrometheusMeterRegistry meters = meters();
        DatabaseWiring database = DatabaseWiring.start(config, budget, timings, meters, lifecycle);
        Limiters limiters = lifecycle.own(new Limiters(config, clock));

        Json json = new Json();
        HttpSettings http = new HttpSettings(config.bindHost(), config.bindPort(), config.requestTimeout(),
                config.maxBodyBytes(), config.enableDebugRoutes(), config.debugRequestTimings(), config.metricsToken(),
                HttpSettings.ConnectionLimits.perProcess(config.maxConnections()));
        JsonBodies bodies = new JsonBodies(json, config.maxBodyBytes());
        HttpMetrics httpMetrics = new HttpMetrics(meters, config.requestTimeout());
        ClientIpResolver clientIps = new ClientIpResolver(config.trustedProxies());
        RealtimeWiring realtime = RealtimeWiring.start(config, database, meters, json, clock, lifecycle);
        IdentityWiring identity = IdentityWiring.create(new IdentityWiring.Needs(config, database, clock, ids, budget,
                timings, meters, clientIps,
                sessionId -> realtime.fanout.closeSession(sessionId, CloseReason.SESSION_REVOKED), lifecycle));
        JacksonPayloadSerializer payloads = new JacksonPayloadSerializer(json);
        GuildModule guilds = GuildWiring.create(database.unitOfWork, GuildWiring.settings(config), ids, clock,
                new TimedGatewayEventPublisher(realtime.fanout, timings), payloads, realtime.revalidation,
                realtime.revalidation, new LoggingHandOffFailures(meters),
                limiters.add(LimitPolicy.slidingWindow("directory_join_ip", config.directoryJoinPerMinutePerIp(), 60)),
                limiters.add(LimitPolicy.slidingWindow("directory_join_user", config.directoryJoinPerMinutePerUser(),
                        60)),
                identity.adapters.ipObservations(), identity.bearer, bodies);
        realtime.revalidation.start(new RevalidateGuildSubscriptionsService(database.unitOfWork, guilds.accessLoader(),
                guilds.ladder(), clock, realtime.fanout, realtime.voice));
        EdgeHandlers edge = EdgeHandlers.create(clientIps, config.requestTimeout(), budget, limiters.baseline,
                identity.baselineKey, config.maxBodyBytes(), timings);
        lifecycle.own(edge.deadline());
        List<dev.filament.application.health.ReadinessCheck> checks = new ArrayList<>(List.of(database.readiness));
        checks.addAll(realtime.readiness);
        Readiness readiness = lifecycle.own(new Readiness(checks, Duration.ofMillis(1500)));

        List<RouteModule> modules = new ArrayList<>();
        modules.add(new UtilityRoutes(http, readiness, meters, bodies));
        modules.add(new dev.filament.http.routes.ApiDocsRoutes(json.mapper()));
        modules.add(identity.routes(limiters, bodies));
        modules.addAll(guilds.routes());
        RateLimiter voiceToken = limiters.add(
                LimitPolicy.slidingWindow("voice_token", config.mediaTokenPerMinute(), 60));
        RateLimiter voicePublish = limiters.add(LimitPolicy.slidingWindow("voice_publish",
                config.mediaPublishPerMinute(), 60));
        modules.add(new VoiceRoutes(VoiceUseCases.create(database.unitOfWork, guilds.ladder(), guilds.audits(),
                guilds.handOffs(), clock, realtime.voice, realtime.voiceTokens, voiceToken, voicePublish),
                identity.bearer, bodies));

        LoggingEdgeTelemetry telemetry = new LoggingEdgeTelemetry(httpMetrics);
        modules.addAll(MessagingWiring.create(new MessagingWiring.Needs(config, database, guilds, realtime, identity,
                payloads, edge, telemetry, httpMetrics, meters, json, bodies, ids, budget, timings, clock, lifecycle))
                .routes());
        Javalin app = new HttpServer(http, edge, telemetry, httpMetrics, json).create(modules);
        app.start();
        lifecycle.own(app::stop);
        // closed first: sockets get 1001 server_shutdown with their close frames out before HTTP stops
        lifecycle.own(() -> realtime.fanout.shutdown(Duration.ofSeconds(2)));
        LOG.atInfo().addKeyValue("event", "startup.ready")
                .addKeyValue("bind_addr", config.bindHost() + ":" + app.port())
                .addKeyValue("database", database.embedded ? "embedded" : "external")
                .addKeyValue("livekit_configured", config.liveKit().isPresent())
                .log("Filament server ready on port {}", app.port());
        return new FilamentServer(lifecycle, app, database);
    }

    private static PrometheusMeterRegistry meters() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    public int port() {
        return app.port();
    }

    public DatabaseWiring database() {
        return database;
    }

    /** Graceful: stop accepting, let in-flight requests finish within the budget, then close the database. */
    @Override
    public void close() {
        LOG.atInfo().addKeyValue("event", "shutdown.begin").log("shutting down");
        lifecycle.close();
        LOG.atInfo().addKeyValue("event", "shutdown.complete").log("stopped");
    }
}
