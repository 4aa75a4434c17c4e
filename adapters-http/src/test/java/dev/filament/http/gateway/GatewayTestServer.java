package dev.filament.http.gateway;

import dev.filament.application.shared.RequestBudget;
import dev.filament.application.gateway.port.out.InMemoryGatewayConnections;
import dev.filament.application.shared.RateLimiter;
import dev.filament.domain.net.ClientIpResolver;
import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.http.HttpServer;
import dev.filament.http.HttpSettings;
import dev.filament.http.auth.TokenBaselineKey;
import dev.filament.http.edge.BaselineKey;
import dev.filament.http.edge.EdgeHandlers;
import dev.filament.http.json.Json;
import dev.filament.http.metrics.HttpMetrics;
import dev.filament.http.metrics.LoggingEdgeTelemetry;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;

/**
 * A real Javalin server on a random loopback port built exactly like production (the HTTP edge of
 * {@link HttpServer}, then the gateway installed before start), with the in-memory gateway core, a fake identity
 * and a scripted command handler.
 */
public final class GatewayTestServer implements AutoCloseable {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    final FakeIdentity identity = new FakeIdentity();
    final ScriptedCommands commands = new ScriptedCommands();
    final InMemoryGatewayConnections gateway = new InMemoryGatewayConnections();
    final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final GatewayRoutes routes;
    private final Javalin app;

    GatewayTestServer(long baselinePerMinute, UnaryOperator<GatewaySettings> tune) {
        this(baselinePerMinute, tune, false);
    }

    /** With {@code tokenBaselineKey}, the edge keys the baseline by a verified bearer, as the server does. */
    GatewayTestServer(long baselinePerMinute, UnaryOperator<GatewaySettings> tune, boolean tokenBaselineKey) {
        Json json = new Json();
        RequestBudget budget = new RequestBudget();
        HttpSettings http = new HttpSettings("127.0.0.1", 0, REQUEST_TIMEOUT, 1_048_576, false, false,
                Optional.empty());
        RateLimiter baseline = new RateLimiter(LimitPolicy.tokenBucket("baseline", baselinePerMinute, 60),
                Clock.systemUTC());
        EdgeHandlers edge = EdgeHandlers.create(new ClientIpResolver(List.of()), REQUEST_TIMEOUT, budget, baseline,
                tokenBaselineKey ? new TokenBaselineKey(identity, Clock.systemUTC()) : BaselineKey.IP_ONLY, 1_048_576, new dev.filament.application.shared.RequestTimings());
        HttpMetrics metrics = new HttpMetrics(prometheus, REQUEST_TIMEOUT);
        LoggingEdgeTelemetry telemetry = new LoggingEdgeTelemetry(metrics);
        GatewaySettings settings = tune.apply(GatewaySettings.of(REQUEST_TIMEOUT, 60, Duration.ofSeconds(10),
                java.util.Set.of()));
        // assembled as bootstrap's GatewayWiring does, over the in-memory core and the fake identity
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("gateway-timer").factory());
        GatewayAuthenticator authenticator = new GatewayAuthenticator(identity, identity, Clock.systemUTC());
        CommandRunner runner = new CommandRunner(commands,
                new CommandDeadline(settings.commandTimeout(), budget, timer), new ErrorEvents(gateway, json));
        GatewayEndpoints endpoints = new GatewayEndpoints(settings, gateway, new InboundReader(json),
                new GatewayIngressMetrics(prometheus, metrics), runner, authenticator, timer, new TestIds(),
                Clock.systemUTC());
        routes = new GatewayRoutes(new GatewayUpgrade(edge, settings, authenticator, budget, settings.commandTimeout(),
                new UpgradeOutcomes(telemetry, metrics, json)), endpoints, timer);
        app = new HttpServer(http, edge, telemetry, metrics, json).create(List.of(routes));
        app.start();
    }

    public static GatewayTestServer start() {
        return new GatewayTestServer(600, s -> s);
    }

    static GatewayTestServer start(UnaryOperator<GatewaySettings> tune) {
        return new GatewayTestServer(600, tune);
    }

    /** The server, for tests that read what it registered. */
    public Javalin app() {
        return app;
    }

    int port() {
        return app.port();
    }

    String url(String query) {
        return "ws://127.0.0.1:" + port() + GatewayRoutes.PATH + query;
    }

    /** A connected client authenticated with a fresh token of a new user. */
    GatewayClient connect() throws Exception {
        String token = identity.tokenFor(new dev.filament.domain.id.UserId(TestIds.ulid()), Duration.ofMinutes(15));
        return GatewayClient.connect(url(""), token);
    }

    double counter(String name, String... tags) {
        var search = prometheus.find(name);
        if (tags.length > 0) {
            search = search.tags(tags);
        }
        var counter = search.counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        app.stop();
        gateway.close();
        routes.close();
    }
}
