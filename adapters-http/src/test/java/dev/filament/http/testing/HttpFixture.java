package dev.filament.http.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filament.application.shared.RequestBudget;
import dev.filament.application.shared.RequestTimings;
import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.application.shared.port.out.ReadinessCheck;
import dev.filament.application.identity.service.AuthenticateRequestService;
import dev.filament.application.identity.fakes.InMemoryTokenService;
import dev.filament.application.identity.fakes.InMemorySessionRepository;
import dev.filament.application.identity.fakes.InMemoryUserRepository;
import dev.filament.application.identity.fakes.RecordingAuthEvents;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.shared.RateLimiter;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.AccessClaims;
import dev.filament.domain.identity.PasswordHash;
import dev.filament.domain.identity.RefreshTokenHash;
import dev.filament.domain.identity.Session;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.Username;
import dev.filament.domain.net.Cidr;
import dev.filament.domain.net.ClientIpResolver;
import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.http.HttpServer;
import dev.filament.http.HttpSettings;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.auth.TokenBaselineKey;
import dev.filament.http.edge.BaselineKey;
import dev.filament.http.edge.EdgeHandlers;
import dev.filament.http.json.Json;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.metrics.HttpMetrics;
import dev.filament.http.metrics.LoggingEdgeTelemetry;
import dev.filament.http.routes.ApiDocsRoutes;
import dev.filament.http.routes.Readiness;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.routes.UtilityRoutes;
import io.javalin.Javalin;
import io.javalin.router.ParsedEndpoint;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one HTTP fixture of the route tests: a real Javalin server on a random loopback port with the full edge, the
 * utility and API-document routes plus the routes a test adds; identity with real JWTs over in-memory sessions (so a
 * test makes {@link Caller}s); and a client that records every exchange (method, path template, status, body) and
 * validates each response against docs/api/openapi.yaml. A response that does not match its documented schema fails
 * the test that sent the request.
 */
public final class HttpFixture implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    public final Javalin app;
    public final PrometheusMeterRegistry prometheus;
    public final RequestBudget budget = new RequestBudget();
    public final RequestTimings timings = new RequestTimings();
    public final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public final InMemoryUserRepository users;
    public final InMemorySessionRepository sessions;
    public final InMemoryTokenService tokens;
    public final RecordingAuthEvents authEvents;
    private final TestIds ids = new TestIds();
    private final OpenApiContract contract = OpenApiContract.load();
    private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
    private final List<RouteModule> modules = new ArrayList<>();

    /** A user with a live session, its bearer token and its username. */
    public record Caller(UserId id, String token, Username name) {
    }

    /** One request and its response as the fixture saw it; {@code template} is null for an undocumented path. */
    public record Exchange(String method, String path, String template, int status, String body) {
    }

    private HttpFixture(Builder b) {
        users = b.users;
        sessions = b.sessions;
        tokens = b.tokens;
        authEvents = b.authEvents;
        prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, b.budget, b.maxBody, b.debugRoutes, b.debugTimings,
                b.metricsToken, b.connections);
        Json json = new Json();
        RateLimiter baseline = new RateLimiter(LimitPolicy.tokenBucket("baseline", b.perMinute, 60),
                Clock.systemUTC());
        BaselineKey baselineKey = b.baselineKey != null ? b.baselineKey
                : new TokenBaselineKey(tokens, Clock.systemUTC());
        EdgeHandlers edge = EdgeHandlers.create(new ClientIpResolver(b.trusted), b.budget, budget, baseline,
                baselineKey, b.maxBody, timings);
        HttpMetrics metrics = new HttpMetrics(prometheus, b.budget);
        modules.add(new UtilityRoutes(settings, new Readiness(b.checks, Duration.ofMillis(1500)), prometheus,
                new JsonBodies(json, b.maxBody)));
        modules.add(new ApiDocsRoutes(json.mapper()));
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

    /** The route modules this server was built with (utility, API document, then the test's). */
    public List<RouteModule> routeModules() {
        return List.copyOf(modules);
    }

    /** The HTTP routes Javalin registered, as {@code "METHOD /template"} in the document's parameter syntax. */
    public static Set<String> registeredRoutes(Javalin app) {
        Set<String> out = new TreeSet<>();
        for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
            String method = e.endpoint.method.name();
            if (HTTP_METHODS.contains(method)) {
                out.add(method + " " + OpenApiContract.normalise(e.endpoint.path));
            }
        }
        return out;
    }

    // ---- identity

    /** A registered user with a live session (a fresh id). */
    public Caller user() {
        return user(new UserId(ids.next()));
    }

    /** A registered user with this id and a live session; the feature fixture adds it to its own tables. */
    public Caller user(UserId id) {
        Instant now = Instant.now();
        Username name = new Username("u_" + id.value().substring(14));
        users.insertIfAbsent(User.register(id, name, new PasswordHash("$test$hash"), now));
        SessionId sid = new SessionId(ids.next());
        byte[] refresh = new byte[32];
        RANDOM.nextBytes(refresh);
        sessions.create(Session.start(sid, id, RefreshTokenHash.of(refresh), now));
        return new Caller(id, tokens.issue(AccessClaims.issue(id, sid, name, now)), name);
    }

    // ---- sending (every response is recorded and checked against the API document)

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).timeout(Duration.ofSeconds(20));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        HttpRequest built = request.build();
        HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
        record(built.method(), built.uri().getRawPath(), response);
        return response;
    }

    /** A request as a caller (or anonymous when null), with a JSON body (none when null) and extra headers. */
    public HttpResponse<String> send(String method, String path, Caller caller, String json, String... headers)
            throws Exception {
        return sendRaw(method, path, caller, json == null ? null : "application/json", json, headers);
    }

    /** A request with any content type (none when null) and body (none when null). */
    public HttpResponse<String> sendRaw(String method, String path, Caller caller, String contentType, String body,
                                        String... headers) throws Exception {
        HttpRequest.Builder r = request(path);
        if (caller != null) {
            r.header("Authorization", "Bearer " + caller.token());
        }
        if (headers.length > 0) {
            r.headers(headers);
        }
        if (contentType != null) {
            r.header("Content-Type", contentType);
        }
        r.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return send(r);
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    public HttpResponse<String> get(String path, Caller caller, String... headers) throws Exception {
        return send("GET", path, caller, null, headers);
    }

    public HttpResponse<String> post(String path, Caller caller, String json, String... headers) throws Exception {
        return send("POST", path, caller, json, headers);
    }

    public HttpResponse<String> postJson(String path, String body) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> postJson(String path, Caller caller, String json, String... headers)
            throws Exception {
        return sendRaw("POST", path, caller, "application/json", json, headers);
    }

    /** Every exchange so far, in order. */
    public List<Exchange> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    private void record(String method, String path, HttpResponse<String> response) {
        Optional<OpenApiContract.Operation> op = contract.match(method, path);
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        int status = response.statusCode();
        exchanges.add(new Exchange(method, path, op.map(OpenApiContract.Operation::template).orElse(null), status,
                response.body()));
        List<String> problems;
        if ("HEAD".equals(method)) {
            problems = List.of(); // a HEAD response never carries a body (HTTP), so there is nothing to check
        } else if (op.isPresent()) {
            problems = contract.check(op.get(), status, contentType, response.body());
        } else if (status >= 400) {
            problems = contract.checkError(status, contentType, response.body());
        } else {
            problems = List.of(); // a route a test registered for itself (edge tests); not part of the API
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("response of " + method + " " + path + " does not match docs/api/openapi.yaml: "
                    + problems);
        }
    }

    // ---- reading responses

    /** The response's JSON after asserting its status and content type. */
    public static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    /** Asserts the error model: exactly {@code error} and {@code request_id}. */
    public static void error(HttpResponse<String> r, int status, String code) throws Exception {
        JsonNode body = json(r, status);
        assertThat(body.get("error").asText()).as(r.body()).isEqualTo(code);
        assertThat(body.size()).isEqualTo(2);
        assertThat(body.has("request_id")).isTrue();
    }

    /** Asserts {@code 200 Accepted = {"accepted": true}}. */
    public static void accepted(HttpResponse<String> r) throws Exception {
        assertThat(json(r, 200)).isEqualTo(tree("{\"accepted\":true}"));
        assertThat(r.body()).isEqualTo("{\"accepted\":true}");
    }

    public static void noContent(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
    }

    public static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json);
    }

    /** The JSON string literal of {@code text}, escaped. */
    public static String quote(String text) throws Exception {
        return JSON.writeValueAsString(text);
    }

    /** The header that makes a trusted loopback proxy report {@code address} as the client. */
    public static String[] from(String address) {
        return new String[] {"X-Forwarded-For", address};
    }

    @Override
    public void close() {
        app.stop();
    }

    /**
     * Options for a fixture. The identity parts exist before the server starts, so a test builds its route modules
     * with {@link #auth()} and {@link #bodies()} first.
     */
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
        final InMemoryUserRepository users = new InMemoryUserRepository();
        final InMemorySessionRepository sessions = new InMemorySessionRepository(users);
        final RecordingAuthEvents authEvents = new RecordingAuthEvents();
        final InMemoryTokenService tokens = new InMemoryTokenService();
        private BearerAuthenticator auth;

        private Builder() {
        }

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
        /** The baseline limit keyed by the bearer token's user (as production does), else by IP. */
        public Builder tokenBaselineKey() { baselineKey = null; return this; }
        public Builder routes(RouteModule module) { modules.add(module); return this; }
        public Builder check(ReadinessCheck check) { checks.add(check); return this; }
        public Builder connections(HttpSettings.ConnectionLimits limits) { connections = limits; return this; }

        public InMemoryUserRepository users() { return users; }
        public InMemorySessionRepository sessions() { return sessions; }
        public InMemoryTokenService tokens() { return tokens; }
        public RecordingAuthEvents authEvents() { return authEvents; }

        /** Bearer authentication over this fixture's sessions and tokens. */
        public BearerAuthenticator auth() {
            if (auth == null) {
                auth = new BearerAuthenticator(new AuthenticateRequestService(tokens, sessions,
                        new InMemoryUnitOfWork(), authEvents, Clock.systemUTC()));
            }
            return auth;
        }

        public JsonBodies bodies() {
            return new JsonBodies(new Json(), maxBody);
        }

        public HttpFixture start() { return new HttpFixture(this); }
    }
}
