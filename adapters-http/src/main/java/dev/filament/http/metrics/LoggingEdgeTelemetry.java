package dev.filament.http.metrics;

import dev.filament.domain.error.RateLimitedException;
import dev.filament.domain.error.UnavailableException;
import dev.filament.domain.net.ClientIp;
import dev.filament.http.RequestAttributes;
import dev.filament.http.error.EdgeTelemetry;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Edge telemetry: the structured log events of SPEC 14.1 plus the matching counters. */
public final class LoggingEdgeTelemetry implements EdgeTelemetry {
    private static final Logger LOG = LoggerFactory.getLogger("filament.http");

    private final HttpMetrics metrics;

    public LoggingEdgeTelemetry(HttpMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void timedOut(Context ctx, String route, long elapsedMs) {
        metrics.requestTimeout(route);
        LOG.atWarn().addKeyValue("event", "http.timeout").addKeyValue("route", route)
                .addKeyValue("elapsed_ms", elapsedMs).log("request budget exhausted");
    }

    @Override
    public void rateLimited(Context ctx, String route, RateLimitedException e) {
        metrics.rateLimitHit(e.policy());
        ClientIp ip = RequestAttributes.clientIp(ctx);
        LOG.atInfo().addKeyValue("event", "rate_limit.rejected").addKeyValue("limiter", e.policy())
                .addKeyValue("key_kind", keyKind(ctx, e.policy()))
                .addKeyValue("client_ip", ip.address().toString())
                .addKeyValue("client_ip_source", ip.source().wireName())
                .addKeyValue("route", route).log("rate limited");
    }

    static String keyKind(Context ctx, String policy) {
        return switch (policy) {
            case "baseline" -> RequestAttributes.userIdOrNull(ctx) != null
                    || RequestAttributes.verifiedBearerOrNull(ctx) != null ? "user" : "ip";
            case "directory_join_user", "voice_token", "voice_publish" -> "user";
            default -> "ip";
        };
    }

    @Override
    public void unavailable(Context ctx, String route, UnavailableException e) {
        if (UnavailableException.UNAVAILABLE.equals(e.code())) {
            metrics.dbUnavailable(e.kind());
            LOG.atWarn().addKeyValue("event", "db.unavailable").addKeyValue("kind", e.kind())
                    .addKeyValue("route", route).log("dependency unavailable");
        }
    }

    @Override
    public void internalError(Context ctx, String route, Throwable e) {
        LOG.atError().addKeyValue("event", "http.internal_error").addKeyValue("route", route)
                .setCause(e).log("unexpected failure");
    }
}
