package dev.filament.bootstrap;

import dev.filament.application.shared.RequestBudget;
import dev.filament.application.shared.RequestTimings;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.application.shared.TimedGatewayEventPublisher;
import dev.filament.application.gateway.service.RevalidateGuildSubscriptionsService;
import dev.filament.application.shared.RateLimiter;
import dev.filament.bootstrap.config.ServerConfig;
import dev.filament.bootstrap.wiring.BlobWiring;
import dev.filament.bootstrap.wiring.BlobWiring.Blobs;
import dev.filament.bootstrap.wiring.DatabaseWiring;
import dev.filament.bootstrap.wiring.GuildWiring.GuildModule;
import dev.filament.bootstrap.wiring.GuildWiring;
import dev.filament.bootstrap.wiring.IdentityWiring;
import dev.filament.bootstrap.wiring.Lifecycle;
import dev.filament.bootstrap.wiring.Limiters;
import dev.filament.bootstrap.wiring.PeopleWiring;
import dev.filament.bootstrap.wiring.MonotonicUlidGenerator;
import dev.filament.bootstrap.wiring.RealtimeWiring;
import dev.filament.application.gateway.port.in.GatewayCommandHandler;
import dev.filament.application.guild.service.Audits;
import dev.filament.application.identity.service.LocalLoginLockouts;
import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.service.HandOffs;
import dev.filament.application.guild.port.out.AccessLoader;
import dev.filament.application.guild.port.out.ChannelRepository;
import dev.filament.application.shared.port.out.ReadinessCheck;
import dev.filament.bootstrap.wiring.DatabaseWiring.Database;
import dev.filament.bootstrap.wiring.GatewayWiring;
import dev.filament.bootstrap.wiring.IdentityWiring.Identity;
import dev.filament.bootstrap.wiring.MediaWiring;
import dev.filament.bootstrap.wiring.MessageWiring;
import dev.filament.bootstrap.wiring.MessageWiring.Messages;
import dev.filament.bootstrap.wiring.RealtimeWiring.Realtime;
import dev.filament.bootstrap.wiring.ScaleOutWiring;
import dev.filament.bootstrap.wiring.ScaleOutWiring.Joined;
import dev.filament.bootstrap.wiring.ScaleOutWiring.ScaleOut;
import dev.filament.bootstrap.wiring.SearchWiring;
import dev.filament.application.guild.port.out.GuildAccessVersions;
import dev.filament.application.guild.port.out.GuildRevalidation;
import dev.filament.application.identity.port.out.SessionRevocationListener;
import dev.filament.bootstrap.wiring.VoiceWiring;
import dev.filament.domain.id.IdGenerator;
import dev.filament.domain.net.ClientIpResolver;
import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.http.HttpServer;
import dev.filament.http.HttpSettings;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.edge.EdgeHandlers;
import dev.filament.http.json.JacksonPayloadSerializer;
import dev.filament.http.json.Json;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.metrics.HttpMetrics;
import dev.filament.http.metrics.LoggingEdgeTelemetry;
import dev.filament.micrometer.LoggingHandOffFailures;
import dev.filament.http.routes.ApiDocsRoutes;
import dev.filament.http.routes.Readiness;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.routes.UtilityRoutes;
import dev.filament.http.voice.VoiceRoutes;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.realtime.GatewayFanout;
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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running server: wires every feature by hand, opens the port last, and shuts down in reverse order. */
public final class FilamentServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FilamentServer.class);

    private final Lifecycle lifecycle;
    private final Javalin app;
    private final Database database;

    private FilamentServer(Lifecycle lifecycle, Javalin app, Database database) {
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
        Database database = DatabaseWiring.start(config, budget, timings, meters, lifecycle);
        JooqUnitOfWork unitOfWork = database.unitOfWork();
        String instance = config.nodeId() + "." + ids.next(); // SPEC 17.1: new at every start
        Optional<ScaleOut> scaleOut = ScaleOutWiring.start(config, instance, meters, lifecycle);
        Limiters limiters = lifecycle.own(new Limiters(config, clock, scaleOut.map(ScaleOut::limits)));
        Blobs blobs = BlobWiring.start(config.attachmentRoot(), config.s3(), unitOfWork, ids, clock, meters,
                lifecycle);

        Json json = new Json();
        HttpSettings http = new HttpSettings(config.bindHost(), config.bindPort(), config.requestTimeout(),
                config.maxBodyBytes(), config.enableDebugRoutes(), config.debugRequestTimings(), config.metricsToken(),
                HttpSettings.ConnectionLimits.perProcess(config.maxConnections()));
        JsonBodies bodies = new JsonBodies(json, config.maxBodyBytes());
        HttpMetrics httpMetrics = new HttpMetrics(meters, config.requestTimeout());
        ClientIpResolver clientIps = new ClientIpResolver(config.trustedProxies());
        Realtime realtime = RealtimeWiring.start(config, unitOfWork, meters, json, clock, lifecycle, scaleOut);
        GatewayFanout fanout = realtime.fanout();
        SessionRevocationListener localRevocations = sessionId -> fanout.closeSession(sessionId,
                CloseReason.SESSION_REVOKED);
        GuildRevalidation revalidation = scaleOut.map(s -> s.relay().revalidation(realtime.revalidation()))
                .orElse(realtime.revalidation());
        LocalLoginLockouts lockouts = new LocalLoginLockouts(); // SPEC 4.3: lives with the limiters
        limiters.sweepAlso(() -> lockouts.sweep(clock.instant()));
        Identity identity = IdentityWiring.create(config.tokenKey(), unitOfWork, ids, clock, budget, timings,
                meters, clientIps, scaleOut.map(s -> s.relay().revocations(localRevocations)).orElse(localRevocations),
                lockouts, IdentityWiring.captcha(config.hcaptcha(), budget, meters, lifecycle), lifecycle);
        BearerAuthenticator bearer = identity.bearer();
        JacksonPayloadSerializer payloads = new JacksonPayloadSerializer(json);
        GuildModule guilds = GuildWiring.create(unitOfWork, GuildWiring.settings(config), ids, clock,
                new TimedGatewayEventPublisher(fanout, timings), payloads, revalidation,
                realtime.revalidation(), new LoggingHandOffFailures(meters),
                limiters.add(LimitPolicy.slidingWindow("directory_join_ip", config.directoryJoinPerMinutePerIp(), 60)),
                limiters.add(LimitPolicy.slidingWindow("directory_join_user", config.directoryJoinPerMinutePerUser(),
                        60)),
                identity.ipObservations(), bearer, bodies,
                scaleOut.map(ScaleOut::guildVersions).orElse(GuildAccessVersions.SINGLE_PROCESS));
        // the guild collaborators the other features use
        AccessLadder ladder = guilds.ladder();
        Audits audits = guilds.audits();
        HandOffs handOffs = guilds.handOffs();
        AccessLoader accessLoader = guilds.accessLoader();
        ChannelRepository channels = guilds.channels();
        GatewayWiring.startRevalidation(realtime.revalidation(), ladder, accessLoader, unitOfWork, fanout,
                realtime.voice(), clock);
        EdgeHandlers edge = EdgeHandlers.create(clientIps, config.requestTimeout(), budget, limiters.baseline(),
                identity.baselineKey(), config.maxBodyBytes(), timings);
        lifecycle.own(edge.deadline());
        List<ReadinessCheck> checks = new ArrayList<>(List.of(database.readiness()));
        checks.addAll(realtime.readiness());
        checks.addAll(blobs.readiness());
        Optional<Joined> joined = scaleOut.map(s -> s.join(fanout, payloads,
                realtime.revalidation()::enqueueSubscriptionsOnly, sessionId -> {
            identity.liveSessions().revoked(sessionId); // another node's revocation (17.5)
            localRevocations.sessionRevoked(sessionId);
        }, realtime.scaleVoice().orElseThrow(), identity.liveSessions()));
        joined.ifPresent(j -> checks.add(j.readiness()));
        Readiness readiness = lifecycle.own(new Readiness(checks, Duration.ofMillis(1500)));

        List<RouteModule> modules = new ArrayList<>();
        modules.add(new UtilityRoutes(http, readiness, meters, bodies));
        modules.add(new ApiDocsRoutes(json.mapper()));
        modules.add(IdentityWiring.routes(identity.api(), bearer, limiters.auth(), bodies));
        modules.addAll(guilds.routes());
        modules.addAll(PeopleWiring.routes(identity.users(), unitOfWork, ids, clock,
                new TimedGatewayEventPublisher(fanout, timings), payloads, limiters.people(), blobs, bearer, bodies));
        modules.add(VoiceWiring.routes(ladder, audits, handOffs, unitOfWork, realtime.voice(), realtime.voiceTokens(),
                limiters, config.mediaTokenPerMinute(), config.mediaPublishPerMinute(), clock, bearer, bodies));

        LoggingEdgeTelemetry telemetry = new LoggingEdgeTelemetry(httpMetrics);
        Messages messages = MessageWiring.create(ladder, audits, handOffs, unitOfWork, realtime.searchQueue(),
                blobs.collector(), ids, clock, timings, bearer, bodies);
        modules.add(messages.routes());
        modules.add(messages.reactionRoutes());
        modules.add(MediaWiring.start(ladder, audits, handOffs, unitOfWork, messages, blobs, limiters, meters, ids,
                clock, bearer, lifecycle));
        modules.add(SearchWiring.routes(ladder, channels, handOffs, unitOfWork, realtime.searchQueue(), clock,
                timings, bearer));
        GatewayCommandHandler commands = GatewayWiring.commands(ladder, unitOfWork, fanout, payloads,
                realtime.voiceSync(), messages.create(), realtime.revalidation());
        modules.add(GatewayWiring.routes(config, fanout, commands, identity.authenticate(), identity.tokens(), ids,
                budget, edge, telemetry, httpMetrics, meters, json, clock, lifecycle));
        Javalin app = new HttpServer(http, edge, telemetry, httpMetrics, json).create(modules);
        app.start();
        lifecycle.own(app::stop);
        // closed first: sockets get 1001 server_shutdown with their close frames out before HTTP stops
        lifecycle.own(() -> fanout.shutdown(Duration.ofSeconds(2)));
        // its stop hook runs before the gateway's shutdown (the lifecycle closes in reverse)
        joined.ifPresent(j -> lifecycle.own(j.beforeGatewayShutdown()));
        LOG.atInfo().addKeyValue("event", "startup.ready")
                .addKeyValue("bind_addr", config.bindHost() + ":" + app.port())
                .addKeyValue("database", database.embedded() ? "embedded" : "external")
                .addKeyValue("livekit_configured", config.liveKit().isPresent())
                .addKeyValue("blob_store", config.s3().isPresent() ? "s3" : "local")
                .addKeyValue("captcha", config.hcaptcha().isPresent() ? "on" : "off")
                .addKeyValue("node_id", config.nodeId())
                .addKeyValue("redis", scaleOut.isPresent() ? "on" : "off")
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

    public Database database() {
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
