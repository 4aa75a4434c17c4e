package dev.filament.domain.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Token bucket (SPEC 2.3) and sliding window (SPEC 2.6) arithmetic. */
class LimiterStateTest {

    @Test
    void bucketAllowsCapacityThenRejectsWithRetryUntilOneToken() {
        TokenBucket b = new TokenBucket(600, 60_000, 0);
        for (int i = 0; i < 600; i++) {
            assertThat(b.tryAcquire(0).allowed()).isTrue();
        }
        RateDecision d = b.tryAcquire(0);
        assertThat(d.allowed()).isFalse();
        assertThat(d.retryAfterSeconds()).isEqualTo(1); // 10 tokens per second
        assertThat(b.tryAcquire(99).allowed()).isFalse();
        assertThat(b.tryAcquire(100).allowed()).isTrue();
    }

    @Test
    void slowBucketReportsWholeSecondsRoundedUp() {
        TokenBucket b = new TokenBucket(2, 60_000, 0);
        b.tryAcquire(0);
        b.tryAcquire(0);
        assertThat(b.tryAcquire(0).retryAfterSeconds()).isEqualTo(30);
        assertThat(b.tryAcquire(1_000).retryAfterSeconds()).isEqualTo(29);
        assertThat(b.isIdle(60_000)).isTrue();
    }

    @Test
    void slidingWindowRecordsOnlyAllowedRequests() {
        SlidingWindowLog w = new SlidingWindowLog(2, 60_000);
        assertThat(w.tryAcquire(0).allowed()).isTrue();
        assertThat(w.tryAcquire(10_000).allowed()).isTrue();
        RateDecision rejected = w.tryAcquire(20_000);
        assertThat(rejected.allowed()).isFalse();
        assertThat(rejected.retryAfterSeconds()).isEqualTo(40);
        for (int i = 0; i < 100; i++) {
            w.tryAcquire(30_000); // rejected hits are not recorded
        }
        assertThat(w.tryAcquire(60_000).allowed()).as("oldest left the window").isTrue();
        assertThat(w.tryAcquire(60_001).allowed()).isFalse();
        assertThat(w.isIdle(200_000)).isTrue();
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        SlidingWindowLog w = new SlidingWindowLog(1, 1_000);
        w.tryAcquire(0);
        assertThat(w.tryAcquire(999).retryAfterSeconds()).isEqualTo(1);
    }
}
