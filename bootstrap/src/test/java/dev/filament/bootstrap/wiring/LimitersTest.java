package dev.filament.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.identity.service.LocalLoginLockouts;
import dev.filament.bootstrap.config.ConfigLoader;
import dev.filament.domain.id.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The limiters' 30 s sweep also forgets the login lockouts' expired entries (SPEC 4.3: they live with the limiters). */
class LimitersTest {

    @Test
    void theSweepAlsoRunsTheLockoutSweep() {
        Instant t0 = Instant.parse("2030-01-01T00:00:00Z");
        LocalLoginLockouts lockouts = new LocalLoginLockouts();
        lockouts.settle(new UserId("01K00000000000000000000001"), "203.0.113.7", false, t0);
        Clock later = Clock.fixed(t0.plus(Duration.ofMinutes(16)), ZoneOffset.UTC);
        try (Limiters limiters = new Limiters(ConfigLoader.load(Map.of(), false), later)) {
            limiters.sweepAlso(() -> lockouts.sweep(later.instant()));
            assertThat(lockouts.size()).isEqualTo(1);

            limiters.sweep();

            assertThat(lockouts.size()).as("expired 15 min after its last failure").isZero();
        }
    }
}
