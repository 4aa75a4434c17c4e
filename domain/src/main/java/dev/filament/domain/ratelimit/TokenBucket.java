package dev.filament.domain.ratelimit;

/**
 * Token bucket with continuous refill: capacity N, N tokens per window, one token per request (SPEC 2.3).
 * {@code Retry-After} is the time until one whole token is available, rounded up, at least 1 s.
 */
public final class TokenBucket implements LimiterState {
    private final long capacity;
    private final double tokensPerMilli;
    private double tokens;
    private long lastMillis;

    public TokenBucket(long capacity, long windowMillis, long nowMillis) {
        this.capacity = capacity;
        this.tokensPerMilli = (double) capacity / windowMillis;
        this.tokens = capacity;
        this.lastMillis = nowMillis;
    }

    private void refill(long nowMillis) {
        if (nowMillis > lastMillis) {
            tokens = Math.min(capacity, tokens + (nowMillis - lastMillis) * tokensPerMilli);
            lastMillis = nowMillis;
        }
    }

    @Override
    public RateDecision tryAcquire(long nowMillis) {
        refill(nowMillis);
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return RateDecision.allowed((long) Math.floor(tokens));
        }
        double missingMillis = (1.0 - tokens) / tokensPerMilli;
        return RateDecision.rejected((long) Math.ceil(missingMillis / 1000.0));
    }

    @Override
    public boolean isIdle(long nowMillis) {
        refill(nowMillis);
        return tokens >= capacity;
    }
}
