package dev.filament.http;

import dev.filament.application.budget.RequestBudget;
import dev.filament.application.budget.RequestTimings;
import dev.filament.application.health.ReadinessCheck;
import dev.filament.application.ratelimit.RateLimiter;
import dev.filament.domain.net.Cidr;
import dev.filament.domain.net.ClientIpResolver;
import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.http.edge.BaselineKey;
import dev.filament.http.edge.EdgeHandlers;
import dev.filament.http.json.Json;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.metrics.HttpMetrics;
import dev.filament.http.metrics.LoggingEdgeTelemetry;
import dev.filament.http.routes.Readiness;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.routes.UtilityRoutes;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A real Javalin server on a random loopback port with the full edge, for route tests. */
public final class TestServer implements AutoCloseable {
    public final Javalin app;
    public final PrometheusMeterRegistry prometheus;
    public final RequestBudget budget = new RequestBudget();
    public final RequestTimings timings = new RequestTimings();
    public final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(Builder b) {
        prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, b.budget, b.maxBody, b.debugRoutes, b.debugTimings,
                b.metricsToken, b.connections);
        Json json = new Json();
        RateLimiter baseline = new RateLimiter(LimitPolicy.tokenBucket("baseline", b.perMinute, 60),
                Clock.systemUTC());
        EdgeHandlers edge = EdgeHandlers.create(new ClientIpResolver(b.trusted), b.budget, budget, baseline,
                b.baselineKey, b.maxBody, timings);
        HttpMetrics metrics = new HttpMetrics(prometheus, b.budget);
        List<RouteModule> modules = new ArrayList<>();
        modules.add(new UtilityRoutes(settings, new Readiness(b.checks, Duration.ofMillis(1500)), prometheus,
                new JsonBodies(json, b.maxBody)));
        modules.addAll(b.modules);
        app = new HttpServer(settings, edge, new LoggingEdgeTelemetry(metrics), metrics, json).create(modules);
        app.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return app.port();
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).timeout(Duration.ofSeconds(20));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    public HttpResponse<String> postJson(String path, String body) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Override
    public void close() {
        app.stop();
    }

    /** Options for a test server. */
    public static final class Builder {
        private Duration budget = Duration.ofSeconds(10);
        private long maxBody = 1_048_576;
        private long perMinute = 600;
        private boolean debugRoutes = true;
        private boolean debugTimings = false;
        private Optional<String> metricsToken = Optional.empty();
        private List<Cidr> trusted = List.of();
        private BaselineKey baselineKey = BaselineKey.IP_ONLY;
        private HttpSettings.ConnectionLimits connections = HttpSettings.ConnectionLimits.DEFAULT;
        private final List<RouteModule> modules = new ArrayList<>();
        private final List<ReadinessCheck> checks = new ArrayList<>();

        public Builder budget(Duration d) { budget = d; return this; }
        public Builder maxBody(long bytes) { maxBody = bytes; return this; }
        public Builder perMinute(long n) { perMinute = n; return this; }
        public Builder debugRoutes(boolean on) { debugRoutes = on; return this; }
        public Builder debugTimings(boolean on) { debugTimings = on; return this; }
        public Builder metricsToken(String token) { metricsToken = Optional.of(token); return this; }
        public Builder trust(String... cidrs) {
            trusted = java.util.Arrays.stream(cidrs).map(c -> Cidr.parse(c).orElseThrow()).toList();
            return this;
        }
        public Builder baselineKey(BaselineKey key) { baselineKey = key; return this; }
        public Builder connections(HttpSettings.ConnectionLimits limits) { connections = limits; return this; }
        public Builder routes(RouteModule module) { modules.add(module); return this; }
        public Builder check(ReadinessCheck check) { checks.add(check); return this; }
        public TestServer start() { return new TestServer(this); }
    }
}
