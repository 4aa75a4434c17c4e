package dev.filament.domain.error;

/** A limiter rejected the request (429 {@code rate_limited}); carries what the RateLimit headers need. */
public final class RateLimitedException extends FilamentException {
    private final String policy;
    private final long quota;
    private final long windowSeconds;
    private final long retryAfterSeconds;

    public RateLimitedException(String policy, long quota, long windowSeconds, long retryAfterSeconds) {
        super("rate_limited", "rate limited by " + policy);
        this.policy = policy;
        this.quota = quota;
        this.windowSeconds = windowSeconds;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public String policy() { return policy; }
    public long quota() { return quota; }
    public long windowSeconds() { return windowSeconds; }
    public long retryAfterSeconds() { return retryAfterSeconds; }
}
