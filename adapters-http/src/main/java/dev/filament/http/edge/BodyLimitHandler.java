package dev.filament.http.edge;

import dev.filament.http.error.PayloadTooLarge;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Edge step 5: a declared Content-Length above the request's limit is refused before any byte is read (SPEC 2.4). The
 * limit is the route's: an upload route's fixed cap ({@link RouteBodyLimits#registerUpload}), else the default.
 */
public final class BodyLimitHandler implements Handler {
    private final RouteBodyLimits limits;

    public BodyLimitHandler(long maxBodyBytes) {
        this(new RouteBodyLimits(maxBodyBytes));
    }

    public BodyLimitHandler(RouteBodyLimits limits) {
        this.limits = limits;
    }

    /** The per-route limits; the router registers upload routes into it. */
    public RouteBodyLimits limits() {
        return limits;
    }

    @Override
    public void handle(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limits.limitFor(ctx.req().getMethod(), ctx.path())) {
            throw new PayloadTooLarge();
        }
    }
}
