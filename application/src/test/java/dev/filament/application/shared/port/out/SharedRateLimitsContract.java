package dev.filament.application.shared.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.domain.ratelimit.RateDecision;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SharedRateLimits} keeps (SPEC 2.6, 17.4): one key's quota is shared by every caller of the same
 * store (two stores stand for two nodes), rejections carry {@code Retry-After} >= 1, keys and limiters are
 * independent, and decisions follow the token bucket and sliding window of 2.3 and 2.6.
 */
public abstract class SharedRateLimitsContract {

    /** A store as one node sees it; both calls must share their state (two nodes, one Redis). */
    protected abstract SharedRateLimits node(int index);

    private static String key() {
        return "ip:" + UUID.randomUUID();
    }

    private static RateDecision decide(SharedRateLimits store, LimitPolicy policy, String key) {
        return store.check(policy, key).orElseThrow(() -> new AssertionError("the store did not decide"));
    }

    @Test
    void aSlidingWindowQuotaIsSharedByTwoNodes() {
        LimitPolicy policy = LimitPolicy.slidingWindow("auth_login_" + UUID.randomUUID(), 4, 60);
        String key = key();
        for (int i = 0; i < 4; i++) {
            RateDecision d = decide(node(i % 2), policy, key);
            assertThat(d.allowed()).as("request %d", i + 1).isTrue();
            assertThat(d.remaining()).isEqualTo(3 - i);
        }
        RateDecision fifth = decide(node(0), policy, key);
        assertThat(fifth.allowed()).isFalse();
        assertThat(fifth.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(decide(node(1), policy, key()).allowed()).as("another key").isTrue();
    }

    @Test
    void aTokenBucketRefusesWhenEmptyAndNamesTheWait() {
        LimitPolicy policy = LimitPolicy.tokenBucket("baseline_" + UUID.randomUUID(), 3, 60);
        String key = key();
        for (int i = 0; i < 3; i++) {
            assertThat(decide(node(i % 2), policy, key).allowed()).isTrue();
        }
        RateDecision empty = decide(node(1), policy, key);
        assertThat(empty.allowed()).isFalse();
        assertThat(empty.retryAfterSeconds()).isBetween(1L, 20L);
    }

    @Test
    void limitersWithTheSameKeyAreIndependent() {
        String key = key();
        LimitPolicy a = LimitPolicy.slidingWindow("a_" + UUID.randomUUID(), 1, 60);
        LimitPolicy b = LimitPolicy.slidingWindow("b_" + UUID.randomUUID(), 1, 60);
        assertThat(decide(node(0), a, key).allowed()).isTrue();
        assertThat(decide(node(0), b, key).allowed()).isTrue();
        assertThat(decide(node(1), a, key).allowed()).isFalse();
    }
}
