package dev.filament.domain.ratelimit;

/** Per-key limiter state. Not thread-safe: the owner serialises calls for one key. */
public sealed interface LimiterState permits TokenBucket, SlidingWindowLog {

    /** Takes one permit at {@code nowMillis} if available. */
    RateDecision tryAcquire(long nowMillis);

    /** True when the state is indistinguishable from a fresh one at {@code nowMillis} (safe to forget). */
    boolean isIdle(long nowMillis);
}
