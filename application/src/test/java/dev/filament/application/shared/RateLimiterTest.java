package dev.filament.application.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.shared.fakes.MutableClock;
import dev.filament.domain.error.RateLimitedException;
import dev.filament.domain.ratelimit.LimitPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void keysAreIndependentAndRejectionCarriesThePolicy() {
        MutableClock clock = MutableClock.atEpochSecond(1_000);
        RateLimiter limiter = new RateLimiter(LimitPolicy.slidingWindow("auth_login", 2, 60), clock);
        limiter.acquire("a");
        limiter.acquire("a");
        assertThatThrownBy(() -> limiter.acquire("a")).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.policy()).isEqualTo("auth_login");
            assertThat(e.quota()).isEqualTo(2);
            assertThat(e.windowSeconds()).isEqualTo(60);
            assertThat(e.retryAfterSeconds()).isEqualTo(60);
        });
        assertThat(limiter.check("b").allowed()).isTrue();
        clock.advance(Duration.ofSeconds(60));
        assertThat(limiter.check("a").allowed()).isTrue();
    }

    @Test
    void holdsAtMostMaxKeysEvictingTheLeastRecentlyUsed() {
        MutableClock clock = MutableClock.atEpochSecond(0);
        RateLimiter limiter = new RateLimiter(LimitPolicy.slidingWindow("p", 1, 60), clock, 3);
        limiter.check("a");
        limiter.check("b");
        limiter.check("c");
        assertThat(limiter.check("a").allowed()).as("a is limited and now most recent").isFalse();
        limiter.check("d"); // evicts b, the least recently used
        assertThat(limiter.size()).isEqualTo(3);
        assertThat(limiter.check("a").allowed()).as("a was kept").isFalse();
        assertThat(limiter.check("b").allowed()).as("b was forgotten").isTrue();
    }

    @Test
    void sweepForgetsIdleKeysOnly() {
        MutableClock clock = MutableClock.atEpochSecond(0);
        RateLimiter limiter = new RateLimiter(LimitPolicy.tokenBucket("baseline", 2, 60), clock);
        limiter.check("old");
        clock.advance(Duration.ofSeconds(59));
        limiter.check("new");
        clock.advance(Duration.ofSeconds(2));
        assertThat(limiter.sweep()).isEqualTo(1);
        assertThat(limiter.size()).isEqualTo(1);
    }
}
