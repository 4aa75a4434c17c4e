package dev.filament.domain.ratelimit;

import java.util.ArrayDeque;

/**
 * Sliding window: allows a request while fewer than q allowed requests fall in the last w seconds; only allowed
 * requests are recorded; {@code Retry-After} = time until the oldest recorded request leaves the window (SPEC 2.6).
 */
public final class SlidingWindowLog implements LimiterState {
    private final long quota;
    private final long windowMillis;
    private final ArrayDeque<Long> allowedAt = new ArrayDeque<>();

    public SlidingWindowLog(long quota, long windowMillis) {
        this.quota = quota;
        this.windowMillis = windowMillis;
    }

    private void evict(long nowMillis) {
        while (!allowedAt.isEmpty() && allowedAt.peekFirst() <= nowMillis - windowMillis) {
            allowedAt.pollFirst();
        }
    }

    @Override
    public RateDecision tryAcquire(long nowMillis) {
        evict(nowMillis);
        if (allowedAt.size() < quota) {
            allowedAt.addLast(nowMillis);
            return RateDecision.allowed(quota - allowedAt.size());
        }
        long leavesAt = allowedAt.peekFirst() + windowMillis;
        return RateDecision.rejected((long) Math.ceil((leavesAt - nowMillis) / 1000.0));
    }

    @Override
    public boolean isIdle(long nowMillis) {
        evict(nowMillis);
        return allowedAt.isEmpty();
    }
}
