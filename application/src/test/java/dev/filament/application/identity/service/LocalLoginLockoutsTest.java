package dev.filament.application.identity.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.identity.port.out.LoginLockouts.Verdict;
import dev.filament.domain.id.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LocalLoginLockoutsTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final UserId ALICE = UserId.of("01ARZ3NDEKTSV4RRFFQ69G5FAV");

    @Test
    void concurrentWrongPasswordsOfOnePair_countExactly_fiveFailThenTheRestAreLocked() throws Exception {
        for (int run = 0; run < 50; run++) {
            LocalLoginLockouts lockouts = new LocalLoginLockouts();
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                List<Callable<Verdict>> attempts = IntStream.range(0, 20)
                        .mapToObj(i -> (Callable<Verdict>) () -> lockouts.settle(ALICE, "198.51.100.7", false, NOW))
                        .toList();
                List<Verdict> verdicts = pool.invokeAll(attempts).stream().map(LocalLoginLockoutsTest::get)
                        .toList();
                assertThat(verdicts).filteredOn(v -> v == Verdict.FAILED).hasSize(5);
                assertThat(verdicts).filteredOn(v -> v == Verdict.LOCKED).hasSize(15);
            }
        }
    }

    @Test
    void aLockedPairStaysLockedForACorrectPassword_andOtherNetworksPass() {
        LocalLoginLockouts lockouts = new LocalLoginLockouts();
        for (int i = 0; i < 5; i++) {
            lockouts.settle(ALICE, "a", false, NOW);
        }
        assertThat(lockouts.settle(ALICE, "a", true, NOW.plusSeconds(29))).isEqualTo(Verdict.LOCKED);
        assertThat(lockouts.settle(ALICE, "b", true, NOW)).isEqualTo(Verdict.PASSED);
        assertThat(lockouts.settle(ALICE, "a", true, NOW.plusSeconds(30))).isEqualTo(Verdict.PASSED);
    }

    @Test
    void holdsAtMostMaxKeys_andSweepForgetsExpiredState() {
        LocalLoginLockouts lockouts = new LocalLoginLockouts(3);
        for (int i = 0; i < 10; i++) {
            lockouts.settle(ALICE, "net" + i, false, NOW);
        }
        assertThat(lockouts.size()).isEqualTo(3);
        assertThat(lockouts.sweep(NOW.plus(Duration.ofMinutes(15)).minusMillis(1))).isZero();
        assertThat(lockouts.sweep(NOW.plus(Duration.ofMinutes(15)))).isEqualTo(3);
        assertThat(lockouts.size()).isZero();
    }

    private static Verdict get(Future<Verdict> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
