package dev.filament.application.shared;

import dev.filament.application.shared.port.out.SharedRateLimits;
import dev.filament.domain.error.RateLimitedException;
import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.domain.ratelimit.LimiterState;
import dev.filament.domain.ratelimit.RateDecision;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One named limiter: a per-key state map bounded to {@code maxKeys} entries, least recently used evicted first, with
 * a sweep that forgets idle keys (SPEC 2.6). Each check is amortised O(1) under a short lock that is never held
 * across a wait. Thread-safe.
 *
 * <p>With scale-out on (SPEC 17.4) the state lives in {@link SharedRateLimits} first; when that store does not decide
 * within its bound, this node-local state decides the request (same quota).
 */
public final class RateLimiter {
    public static final int DEFAULT_MAX_KEYS = 100_000;

    private final LimitPolicy policy;
    private final Clock clock;
    private final int maxKeys;
    private final LinkedHashMap<String, LimiterState> states;
    private final SharedRateLimits shared;

    public RateLimiter(LimitPolicy policy, Clock clock) {
        this(policy, clock, DEFAULT_MAX_KEYS);
    }

    public RateLimiter(LimitPolicy policy, Clock clock, int maxKeys) {
        this(policy, clock, maxKeys, null);
    }

    /** A limiter whose state is shared by every node through {@code shared}, this node's own as the fallback. */
    public RateLimiter(LimitPolicy policy, Clock clock, SharedRateLimits shared) {
        this(policy, clock, DEFAULT_MAX_KEYS, shared);
    }

    private RateLimiter(LimitPolicy policy, Clock clock, int maxKeys, SharedRateLimits shared) {
        this.shared = shared;
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
        if (shared != null) {
            Optional<RateDecision> decided = shared.check(policy, key);
            if (decided.isPresent()) {
                return decided.get();
            }
        }
        return checkLocally(key);
    }

    private RateDecision checkLocally(String key) {
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
