package dev.filament.domain.identity;

import java.time.Instant;
import java.util.Optional;

/** The failed-login counter and lock expiry of one (user, client network) pair (SPEC 4.3; kept by the limiters). */
public record LoginCounters(int failedLogins, Optional<Instant> lockedUntil) {
    public static final LoginCounters CLEAR = new LoginCounters(0, Optional.empty());

    public LoginCounters {
        if (failedLogins < 0 || failedLogins >= LoginLockoutPolicy.MAX_FAILURES) {
            throw new IllegalArgumentException("failedLogins must be 0..4");
        }
        if (lockedUntil == null) {
            throw new IllegalArgumentException("lockedUntil must not be null (use Optional.empty())");
        }
    }

    public static LoginCounters lockedUntil(Instant until) {
        return new LoginCounters(0, Optional.of(until));
    }
}
