package dev.filament.http.edge;

import dev.filament.application.shared.RateLimiter;
import dev.filament.http.RequestAttributes;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Set;

/** Edge step 4: one token per request from the caller's bucket, keyed by verified user or client network (SPEC 2.3, 2.6). */
public final class BaselineLimitHandler implements Handler {
    private static final Set<String> EXEMPT = Set.of("/health", "/health/ready", "/metrics");

    private final RateLimiter limiter;
    private final BaselineKey key;

    public BaselineLimitHandler(RateLimiter limiter, BaselineKey key) {
        this.limiter = limiter;
        this.key = key;
    }

    @Override
    public void handle(Context ctx) {
        if (EXEMPT.contains(ctx.path())) {
            return;
        }
        String k = key.verifiedUserId(ctx)
                .map(user -> "user:" + user)
                .orElseGet(() -> "ip:" + RequestAttributes.clientIp(ctx).address().networkKey());
        limiter.acquire(k);
    }
}
