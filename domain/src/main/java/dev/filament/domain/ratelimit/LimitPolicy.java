package dev.filament.domain.ratelimit;

/**
 * A named limiter configuration (SPEC 2.6). {@code name} is the RateLimit-Policy name; {@code quota} requests per
 * {@code windowSeconds}, either as a continuously refilled token bucket or as a sliding window of allowed requests.
 */
public record LimitPolicy(String name, long quota, long windowSeconds, Kind kind) {

    public LimitPolicy {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        if (quota < 1) {
            throw new IllegalArgumentException("quota must be >= 1");
        }
        if (windowSeconds < 1) {
            throw new IllegalArgumentException("windowSeconds must be >= 1");
        }
    }

    public static LimitPolicy tokenBucket(String name, long perWindow, long windowSeconds) {
        return new LimitPolicy(name, perWindow, windowSeconds, Kind.TOKEN_BUCKET);
    }

    public static LimitPolicy slidingWindow(String name, long quota, long windowSeconds) {
        return new LimitPolicy(name, quota, windowSeconds, Kind.SLIDING_WINDOW);
    }

    /** A fresh state object for one key of this policy. */
    public LimiterState newState(long nowMillis) {
        return kind == Kind.TOKEN_BUCKET
                ? new TokenBucket(quota, windowSeconds * 1000L, nowMillis)
                : new SlidingWindowLog(quota, windowSeconds * 1000L);
    }

    public enum Kind { TOKEN_BUCKET, SLIDING_WINDOW }
}
