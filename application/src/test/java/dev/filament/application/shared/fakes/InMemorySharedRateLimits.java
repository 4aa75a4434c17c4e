package dev.filament.application.shared.fakes;

import dev.filament.application.shared.port.out.SharedRateLimits;
import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.domain.ratelimit.LimiterState;
import dev.filament.domain.ratelimit.RateDecision;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link SharedRateLimits} in memory: one state per (limiter, key), shared by every user of this instance. */
public final class InMemorySharedRateLimits implements SharedRateLimits {
    private final Clock clock;
    private final Map<String, LimiterState> states = new HashMap<>();
    private volatile boolean down;

    public InMemorySharedRateLimits(Clock clock) {
        this.clock = clock;
    }

    /** While down, every check answers empty (the caller's local limiter decides). */
    public void down(boolean value) {
        down = value;
    }

    @Override
    public synchronized Optional<RateDecision> check(LimitPolicy policy, String key) {
        if (down) {
            return Optional.empty();
        }
        long now = clock.millis();
        return Optional.of(states.computeIfAbsent(policy.name() + "|" + key, k -> policy.newState(now))
                .tryAcquire(now));
    }
}
