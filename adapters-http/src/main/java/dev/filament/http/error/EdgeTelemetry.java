package dev.filament.http.error;

import dev.filament.domain.error.RateLimitedException;
import dev.filament.domain.error.UnavailableException;
import io.javalin.http.Context;

/** Side effects of mapped errors: the log events and counters of SPEC 14 (timeouts, limiter hits, 503s). */
public interface EdgeTelemetry {
    void timedOut(Context ctx, String route, long elapsedMs);

    void rateLimited(Context ctx, String route, RateLimitedException e);

    void unavailable(Context ctx, String route, UnavailableException e);

    void internalError(Context ctx, String route, Throwable e);

    /** Does nothing; for tests that do not look at telemetry. */
    EdgeTelemetry NONE = new EdgeTelemetry() {
        @Override public void timedOut(Context ctx, String route, long elapsedMs) { }
        @Override public void rateLimited(Context ctx, String route, RateLimitedException e) { }
        @Override public void unavailable(Context ctx, String route, UnavailableException e) { }
        @Override public void internalError(Context ctx, String route, Throwable e) { }
    };
}
