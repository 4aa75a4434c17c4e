package dev.filament.domain.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * Policy: login lockout of SPEC 4.3, applied per (user, client network). Five wrong passwords in a row lock the pair
 * for 30 s and reset the counter; while locked, attempts are refused and the counters are left alone whatever the
 * password. The state of a pair expires 15 min after its last failure, or when its lock ends if that is later.
 */
public final class LoginLockoutPolicy {
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_DURATION = Duration.ofSeconds(30);
    public static final Duration STATE_TTL = Duration.ofMinutes(15);

    private LoginLockoutPolicy() {
    }

    public static boolean isLocked(LoginCounters counters, Instant now) {
        return counters.lockedUntil().map(until -> until.isAfter(now)).orElse(false);
    }

    /** Counters after a wrong password on an unlocked account. */
    public static LoginCounters afterFailure(LoginCounters counters, Instant now) {
        int failures = counters.failedLogins() + 1;
        if (failures >= MAX_FAILURES) {
            return LoginCounters.lockedUntil(now.plus(LOCK_DURATION));
        }
        return new LoginCounters(failures, counters.lockedUntil());
    }

    /** When the state {@code counters}, written after a failure at {@code failedAt}, may be forgotten. */
    public static Instant stateExpiry(LoginCounters counters, Instant failedAt) {
        Instant ttl = failedAt.plus(STATE_TTL);
        return counters.lockedUntil().filter(until -> until.isAfter(ttl)).orElse(ttl);
    }
}
