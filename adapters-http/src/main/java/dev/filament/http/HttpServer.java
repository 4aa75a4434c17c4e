package dev.filament.http;

import dev.filament.application.shared.RequestTimings;
import dev.filament.domain.error.RateLimitedException;
import dev.filament.domain.error.RequestTimeoutException;
import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.domain.error.UnavailableException;
import dev.filament.http.connection.JettyEdge;
import dev.filament.http.edge.EdgeHandlers;
import dev.filament.http.edge.RequestIdHandler;
import dev.filament.http.error.ApiError;
import dev.filament.http.error.EdgeTelemetry;
import dev.filament.http.error.ErrorBody;
import dev.filament.http.error.ErrorMapper;
import dev.filament.http.json.Json;
import dev.filament.http.metrics.HttpMetrics;
import dev.filament.http.metrics.LoggingPreRoutingOutcomes;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.routes.Router;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Builds the Javalin server: edge before-handlers in SPEC 2.1 order, the feature routes, the one error mapper, and
 * the access log and request metrics that wrap every outcome.
 */
public final class HttpServer {
    private static final Logger ACCESS = LoggerFactory.getLogger("filament.http.access");
    private static final Logger TIMING_LOG = LoggerFactory.getLogger("filament.http.timings");
    static final String UNMATCHED = "unmatched";

    private final ErrorMapper errors = new ErrorMapper();
    private final HttpSettings settings;
    private final EdgeHandlers edge;
    private final EdgeTelemetry telemetry;
    private final HttpMetrics metrics;
    private final Json json;

    public HttpServer(HttpSettings settings, EdgeHandlers edge, EdgeTelemetry telemetry, HttpMetrics metrics, Json json) {
        this.settings = settings;
        this.edge = edge;
        this.telemetry = telemetry;
        this.metrics = metrics;
        this.json = json;
    }

    /** Creates (does not start) the server with the given route modules. */
    public Javalin create(List<RouteModule> modules) {
        return Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.startup.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(json.mapper(), true));
            cfg.http.maxRequestSize = settings.maxBodyBytes();
            cfg.http.prefer405over404 = false;
            cfg.router.ignoreTrailingSlashes = false;
            cfg.router.treatMultipleSlashesAsSingleSlash = false;
            cfg.router.handlerWrapper(edge.deadline());
            // Graceful stop: the servlet context refuses new requests and in-flight ones get one budget to finish.
            cfg.jetty.modifyServer(server -> server.setStopTimeout(settings.requestTimeout().toMillis() + 1_000));

            Router router = new Router(cfg.routes, edge.bodyLimit().limits());
            JettyEdge.install(cfg.jetty, settings, router::allowedMethods, edge.clientIp()::isTrustedPeer,
                    new LoggingPreRoutingOutcomes(metrics));
            cfg.routes.before(edge.requestId());
            if (settings.debugTimings()) {
                cfg.routes.before(ctx -> ctx.attribute(TIMINGS, edge.timings().open()));
            }
            cfg.routes.before(edge.clientIp());
            cfg.routes.before(edge.baseline());
            cfg.routes.before(edge.bodyLimit());
            cfg.routes.before(ctx -> refuseUnroutedMethods(ctx, router));
            modules.forEach(m -> m.register(router));
            modules.forEach(m -> m.configure(cfg));

            cfg.routes.exception(Exception.class, (e, ctx) -> respondError(ctx, e));
            cfg.routes.error(404, ctx -> {
                if (!ctx.attributeMap().containsKey(ERROR_WRITTEN)) {
                    unmatched(ctx, router);
                }
            });
            cfg.routes.after(this::observe);
        });
    }

    private static final String ERROR_WRITTEN = "filament.errorWritten";
    private static final String TIMINGS = "filament.timings";

    private void unmatched(Context ctx, Router router) {
        Set<String> allowed = router.allowedMethods(ctx.path()).orElse(null);
        if (allowed != null) {
            ctx.header("Allow", String.join(", ", allowed));
            writeError(ctx, ApiError.of(405, "method_not_allowed"));
        } else {
            writeError(ctx, ApiError.of(404, "not_found"));
        }
    }

    /** HEAD and OPTIONS are never routed (SPEC 1.1); Jetty would otherwise answer HEAD from the GET route. */
    private void refuseUnroutedMethods(Context ctx, Router router) {
        String method = ctx.req().getMethod();
        if ("HEAD".equals(method) || "OPTIONS".equals(method)) {
            unmatched(ctx, router);
            ctx.skipRemainingHandlers();
        }
    }

    void respondError(Context ctx, Exception e) {
        String route = route(ctx);
        switch (e) {
            case RequestTimeoutException t -> telemetry.timedOut(ctx, route, elapsedMs(ctx));
            case RateLimitedException r -> telemetry.rateLimited(ctx, route, r);
            case UnavailableException u -> telemetry.unavailable(ctx, route, u);
            case UnauthenticatedException u -> { } // counted by the auth events, where the reason is known
            case HttpResponseException h -> { }
            default -> {
                ApiError mapped = errors.map(e);
                if (mapped.status() == 500) {
                    telemetry.internalError(ctx, route, e);
                }
            }
        }
        writeError(ctx, errors.map(e));
    }

    private void writeError(Context ctx, ApiError error) {
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        ErrorBody body = new ErrorBody(error.code(), RequestAttributes.requestId(ctx));
        error.headers().forEach(ctx::header);
        ctx.status(error.status()).contentType("application/json").result(json.write(body));
    }

    private void observe(Context ctx) {
        String route = route(ctx);
        long nanos = System.nanoTime() - RequestAttributes.startedNanos(ctx);
        int status = ctx.statusCode();
        metrics.recordRequest(ctx.method().name(), route, status, nanos);
        var ip = ctx.<dev.filament.domain.net.ClientIp>attribute("filament.clientIp");
        var event = ACCESS.atInfo().addKeyValue("event", "http.access")
                .addKeyValue("method", ctx.method().name())
                .addKeyValue("route", route)
                .addKeyValue("status", status)
                .addKeyValue("duration_ms", nanos / 1_000_000)
                .addKeyValue("client_ip_source", ip == null ? "peer" : ip.source().wireName());
        String user = RequestAttributes.userIdOrNull(ctx);
        if (user != null) {
            event = event.addKeyValue("user_id", user);
        }
        event.log("{} {} {}", ctx.method().name(), route, status);
        RequestTimings.Recording timings = ctx.attribute(TIMINGS);
        if (timings != null) {
            reportTimings(ctx, route, timings, nanos);
        }
        MDC.remove(RequestIdHandler.MDC_KEY);
    }

    /** SPEC 14.3: all five phases, milliseconds with one decimal, in the header and one log line. */
    private static void reportTimings(Context ctx, String route, RequestTimings.Recording timings, long totalNanos) {
        timings.close();
        StringBuilder header = new StringBuilder();
        var log = TIMING_LOG.atInfo().addKeyValue("event", "request.timings").addKeyValue("route", route);
        for (RequestTimings.Phase phase : RequestTimings.Phase.values()) {
            double ms = timings.millis(phase);
            header.append(phase.wireName()).append(";dur=").append(oneDecimal(ms)).append(", ");
            log = log.addKeyValue(phase.wireName() + "_ms", Math.round(ms * 10) / 10.0);
        }
        double total = totalNanos / 1_000_000.0;
        header.append("total;dur=").append(oneDecimal(total));
        ctx.header("Server-Timing", header.toString());
        log.addKeyValue("total_ms", Math.round(total * 10) / 10.0).log("request timings");
    }

    private static String oneDecimal(double ms) {
        return String.format(java.util.Locale.ROOT, "%.1f", ms);
    }

    static String route(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        return matched == null ? UNMATCHED : matched.path;
    }

    private static long elapsedMs(Context ctx) {
        return (System.nanoTime() - RequestAttributes.startedNanos(ctx)) / 1_000_000;
    }
}
