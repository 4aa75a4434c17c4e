package dev.filament.application.shared;

import dev.filament.domain.error.RateLimitedException;
import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.domain.ratelimit.LimiterState;
import dev.filament.domain.ratelimit.RateDecision;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One named limiter: a per-key state map bounded to {@code maxKeys} entries, least recently used evicted first, with
 * a sweep that forgets idle keys (SPEC 2.6). Each check is amortised O(1) under a short lock that is never held
 * across a wait. Thread-safe.
 */
public final class RateLimiter {
    public static final int DEFAULT_MAX_KEYS = 100_000;

    private final LimitPolicy policy;
    private final Clock clock;
    private final int maxKeys;
    private final LinkedHashMap<String, LimiterState> states;

    public RateLimiter(LimitPolicy policy, Clock clock) {
        this(policy, clock, DEFAULT_MAX_KEYS);
    }

    public RateLimiter(LimitPolicy policy, Clock clock, int maxKeys) {
        this.policy = policy;
        this.clock = clock;
        this.maxKeys = maxKeys;
        this.states = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, LimiterState> eldest) {
                return size() > RateLimiter.this.maxKeys;
            }
        };
    }

    public LimitPolicy policy() {
        return policy;
    }

    /** Records one request for {@code key} when allowed. */
    public RateDecision check(String key) {
        long now = clock.millis();
        synchronized (states) {
            LimiterState state = states.get(key);
            if (state == null) {
                state = policy.newState(now);
                states.put(key, state);
            }
            return state.tryAcquire(now);
        }
    }

    /** Like {@link #check(String)}, throwing {@link RateLimitedException} on rejection. */
    public RateDecision acquire(String key) {
        RateDecision d = check(key);
        if (!d.allowed()) {
            throw new RateLimitedException(policy.name(), policy.quota(), policy.windowSeconds(), d.retryAfterSeconds());
        }
        return d;
    }

    /** Forgets keys whose state is idle (a full bucket, an empty window). Returns how many were removed. */
    public int sweep() {
        long now = clock.millis();
        int removed = 0;
        synchronized (states) {
            Iterator<LimiterState> it = states.values().iterator();
            while (it.hasNext()) {
                if (it.next().isIdle(now)) {
                    it.remove();
                    removed++;
                }
            }
        }
        return removed;
    }

    public int size() {
        synchronized (states) {
            return states.size();
        }
    }
}
