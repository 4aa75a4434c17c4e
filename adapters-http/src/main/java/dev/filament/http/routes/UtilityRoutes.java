package dev.filament.http.routes;

import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.http.HttpSettings;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.json.JsonObjectReader;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/** SPEC 3: health, readiness, metrics, echo and the debug-only slow route. None needs a token. */
public final class UtilityRoutes implements RouteModule {
    static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpSettings settings;
    private final Readiness readiness;
    private final PrometheusMeterRegistry prometheus;
    private final JsonBodies bodies;

    public UtilityRoutes(HttpSettings settings, Readiness readiness, PrometheusMeterRegistry prometheus,
                         JsonBodies bodies) {
        this.settings = settings;
        this.readiness = readiness;
        this.prometheus = prometheus;
        this.bodies = bodies;
    }

    @Override
    public void register(Router router) {
        router.get("/health", ctx -> ctx.json(Status.OK));
        router.get("/health/ready", ctx -> {
            Readiness.Report report = readiness.run();
            ctx.status(report.ready() ? 200 : 503)
                    .json(new ReadyBody(report.ready() ? "ready" : "degraded", report.checks()));
        });
        router.get("/metrics", ctx -> {
            settings.metricsToken().ifPresent(token -> requireBearer(ctx.header("Authorization"), token));
            ctx.contentType(PROMETHEUS_CONTENT_TYPE).result(prometheus.scrape());
        });
        router.post("/echo", ctx -> {
            JsonObjectReader body = bodies.object(ctx);
            String message = body.requiredString("message");
            body.finish();
            if (message.isEmpty()) {
                throw new InvalidRequestException("message must not be empty");
            }
            ctx.json(new Echo(message));
        });
        if (settings.debugRoutes()) {
            router.get("/slow", ctx -> {
                int ms = QueryParams.of(ctx, "ms").intInRange("ms", 200, 0, 60_000);
                Thread.sleep(ms);
                ctx.json(Status.OK);
            });
        }
    }

    /** {@code {status: "ok"}}. */
    record Status(String status) {
        static final Status OK = new Status("ok");
    }

    /** {@code {message}} of {@code POST /echo}. */
    record Echo(String message) {
    }

    /** {@code {status: "ready"|"degraded", checks: {<name>: {status, ...}}}} (SPEC 14.4); checks are keyed by name. */
    record ReadyBody(String status, Map<String, Readiness.CheckBody> checks) {
    }

    static void requireBearer(String header, String expected) {
        String prefix = "bearer ";
        if (header == null || header.length() <= prefix.length()
                || !header.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw new UnauthenticatedException("invalid");
        }
        byte[] given = header.substring(prefix.length()).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, expected.getBytes(StandardCharsets.UTF_8))) {
            throw new UnauthenticatedException("invalid");
        }
    }
}
