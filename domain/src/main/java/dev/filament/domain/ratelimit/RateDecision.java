package dev.filament.domain.ratelimit;

/** Result of one limiter check: allowed with permits left, or rejected with whole seconds until a permit frees. */
public record RateDecision(boolean allowed, long remaining, long retryAfterSeconds) {

    public static RateDecision allowed(long remaining) {
        return new RateDecision(true, remaining, 0);
    }

    public static RateDecision rejected(long retryAfterSeconds) {
        return new RateDecision(false, 0, Math.max(1, retryAfterSeconds));
    }
}
