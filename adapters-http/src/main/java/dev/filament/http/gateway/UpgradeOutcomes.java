package dev.filament.http.gateway;

import dev.filament.domain.error.RateLimitedException;
import dev.filament.domain.error.UnavailableException;
import dev.filament.domain.net.ClientIp;
import dev.filament.http.RequestAttributes;
import dev.filament.http.error.ApiError;
import dev.filament.http.error.ErrorBody;
import dev.filament.http.error.EdgeTelemetry;
import dev.filament.http.error.ErrorMapper;
import dev.filament.http.error.PayloadTooLarge;
import dev.filament.http.json.Json;
import dev.filament.http.metrics.HttpMetrics;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outcomes of the upgrade request. Javalin runs no {@code after} handler and writes no result for a WebSocket
 * upgrade, so a refusal is written here as the JSON error of SPEC 1.7 (with the telemetry of the HTTP edge), and the
 * access log line and request metric are recorded here for every outcome, 101 included.
 */
public final class UpgradeOutcomes {
    private static final Logger ACCESS = LoggerFactory.getLogger("filament.http.access");

    private final ErrorMapper errors = new ErrorMapper();
    private final EdgeTelemetry telemetry;
    private final HttpMetrics metrics;
    private final Json json;

    public UpgradeOutcomes(EdgeTelemetry telemetry, HttpMetrics metrics, Json json) {
        this.telemetry = telemetry;
        this.metrics = metrics;
        this.json = json;
    }

    /** Answers the refusal of {@code failure} and cancels the upgrade; returns the status sent. */
    int refuse(Context ctx, Exception failure) throws IOException {
        observe(ctx, failure);
        ApiError error = failure instanceof MethodNotAllowed
                ? new ApiError(405, "method_not_allowed", Map.of("Allow", "GET"))
                : errors.map(failure);
        ErrorBody body = new ErrorBody(error.code(), RequestAttributes.requestId(ctx));
        byte[] bytes = json.write(body).getBytes(StandardCharsets.UTF_8);
        HttpServletResponse res = ctx.res();
        res.setStatus(error.status());
        error.headers().forEach(res::setHeader);
        res.setContentType("application/json");
        res.setContentLength(bytes.length);
        res.getOutputStream().write(bytes);
        ctx.skipRemainingHandlers(); // drops the pending upgrade task
        return error.status();
    }

    private void observe(Context ctx, Exception failure) {
        String route = GatewayRoutes.PATH;
        switch (failure) {
            case RateLimitedException r -> telemetry.rateLimited(ctx, route, r);
            case UnavailableException u -> telemetry.unavailable(ctx, route, u);
            case dev.filament.domain.error.FilamentException f -> { }
            case PayloadTooLarge p -> { }
            case MethodNotAllowed m -> { }
            default -> telemetry.internalError(ctx, route, failure);
        }
    }

    /** The {@code http.access} line and the request metric; the query string (it may hold a token) is never logged. */
    void record(Context ctx, int status, long startedNanos) {
        long nanos = System.nanoTime() - startedNanos;
        String method = ctx.req().getMethod();
        metrics.recordRequest(method, GatewayRoutes.PATH, status, nanos);
        ClientIp ip = ctx.attribute("filament.clientIp");
        var event = ACCESS.atInfo().addKeyValue("event", "http.access").addKeyValue("method", method)
                .addKeyValue("route", GatewayRoutes.PATH).addKeyValue("status", status)
                .addKeyValue("duration_ms", nanos / 1_000_000)
                .addKeyValue("client_ip_source", ip == null ? "peer" : ip.source().wireName());
        String user = RequestAttributes.userIdOrNull(ctx);
        if (user != null) {
            event = event.addKeyValue("user_id", user);
        }
        event.log("{} {} {}", method, GatewayRoutes.PATH, status);
    }

    /** An upgrade attempt with a method other than GET (405 with {@code Allow: GET}). */
    static final class MethodNotAllowed extends RuntimeException {
        MethodNotAllowed() {
            super("method not allowed", null, false, false);
        }
    }
}
