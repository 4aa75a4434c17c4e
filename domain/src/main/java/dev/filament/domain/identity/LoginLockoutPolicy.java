package dev.filament.domain.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * Policy: login lockout of SPEC 4.3. Five wrong passwords in a row lock the account for 30 s and reset the counter;
 * while locked, attempts are refused and the counters are left alone whatever the password.
 */
public final class LoginLockoutPolicy {
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_DURATION = Duration.ofSeconds(30);

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

    /** Counters after a correct password: everything cleared. */
    public static LoginCounters afterSuccess() {
        return LoginCounters.CLEAR;
    }
}
