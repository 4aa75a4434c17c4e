package dev.filament.postgres.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ObservationThrottleTest {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(60);

    @Test
    void aKeyPassesOncePerWindowAndAgainWhenTheWindowEnds() {
        ObservationThrottle<String> throttle = new ObservationThrottle<>(WINDOW, 10);

        assertThat(throttle.tryPass("a", T0)).isTrue();
        assertThat(throttle.tryPass("a", T0.plusSeconds(59))).isFalse();
        assertThat(throttle.tryPass("b", T0.plusSeconds(59))).as("other keys are independent").isTrue();
        assertThat(throttle.tryPass("a", T0.plusSeconds(60))).isTrue();
        assertThat(throttle.tryPass("a", T0.plusSeconds(61))).as("window restarted at 60 s").isFalse();
    }

    @Test
    void pastCapacityTheLeastRecentlyUsedKeyIsForgotten() {
        ObservationThrottle<String> throttle = new ObservationThrottle<>(WINDOW, 2);
        throttle.tryPass("a", T0);
        throttle.tryPass("b", T0);
        throttle.tryPass("a", T0.plusSeconds(1)); // suppressed, but a is now the most recently used

        assertThat(throttle.tryPass("c", T0.plusSeconds(2))).isTrue();

        assertThat(throttle.size()).isEqualTo(2);
        assertThat(throttle.tryPass("a", T0.plusSeconds(3))).as("a was kept").isFalse();
        assertThat(throttle.tryPass("b", T0.plusSeconds(3))).as("b was evicted, so it passes early").isTrue();
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new ObservationThrottle<String>(WINDOW, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity");
    }
}
