package dev.filament.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginLockoutPolicyTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void fifthFailureLocksForThirtySecondsAndResetsTheCounter() {
        LoginCounters c = LoginCounters.CLEAR;
        for (int i = 1; i <= 4; i++) {
            c = LoginLockoutPolicy.afterFailure(c, NOW);
            assertThat(c.failedLogins()).isEqualTo(i);
            assertThat(LoginLockoutPolicy.isLocked(c, NOW)).isFalse();
        }
        c = LoginLockoutPolicy.afterFailure(c, NOW);
        assertThat(c).isEqualTo(new LoginCounters(0, Optional.of(NOW.plusSeconds(30))));
        assertThat(LoginLockoutPolicy.isLocked(c, NOW.plusSeconds(29))).isTrue();
        assertThat(LoginLockoutPolicy.isLocked(c, NOW.plusSeconds(30))).isFalse();
    }

    @Test
    void countersRejectImpossibleValues() {
        assertThatThrownBy(() -> new LoginCounters(5, Optional.empty())).hasMessageContaining("failedLogins");
        assertThatThrownBy(() -> new LoginCounters(-1, Optional.empty())).hasMessageContaining("failedLogins");
    }

    @org.junit.jupiter.api.Test
    void stateExpires15MinutesAfterTheLastFailure_orWhenALaterLockEnds() {
        java.time.Instant t = java.time.Instant.parse("2030-01-01T00:00:00Z");
        org.assertj.core.api.Assertions.assertThat(LoginLockoutPolicy.stateExpiry(
                new LoginCounters(3, java.util.Optional.empty()), t)).isEqualTo(t.plusSeconds(900));
        org.assertj.core.api.Assertions.assertThat(LoginLockoutPolicy.stateExpiry(
                LoginCounters.lockedUntil(t.plusSeconds(30)), t)).isEqualTo(t.plusSeconds(900));
        org.assertj.core.api.Assertions.assertThat(LoginLockoutPolicy.stateExpiry(
                LoginCounters.lockedUntil(t.plusSeconds(1000)), t)).isEqualTo(t.plusSeconds(1000));
    }
}
