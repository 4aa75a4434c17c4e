package dev.filament.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.shared.RequestBudget;
import dev.filament.application.identity.port.out.PasswordHasher;
import dev.filament.domain.error.RequestTimeoutException;
import dev.filament.domain.identity.Password;
import dev.filament.domain.identity.PasswordHash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HashingPoolTest {
    private static final Password PASSWORD = new Password("correct horse battery");

    private final GatedHasher hasher = new GatedHasher();
    private final RequestBudget budget = new RequestBudget();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        hasher.gate.release(1000);
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private HashingPool pool(int slots) {
        HashingPool pool = new HashingPool(hasher, budget, slots, Duration.ofSeconds(10));
        toClose.add(pool);
        return pool;
    }

    /** Hasher whose calls block until the test opens the gate; counts calls and the highest concurrency seen. */
    static final class GatedHasher implements PasswordHasher {
        final Semaphore gate = new Semaphore(0);
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxRunning = new AtomicInteger();
        volatile CountDownLatch entered = new CountDownLatch(1);

        @Override
        public PasswordHash hash(Password password) {
            calls.incrementAndGet();
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            entered.countDown();
            try {
                gate.acquireUninterruptibly();
                return new PasswordHash("gated$" + password.value().length());
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public boolean verify(Password password, PasswordHash hash) {
            return hash(password).equals(hash);
        }

        @Override
        public PasswordHash dummyHash() {
            return new PasswordHash("gated$dummy");
        }
    }

    /** Hashes on this thread inside a request budget of {@code within} and expects the budget to run out. */
    private void assertTimesOut(HashingPool pool, Duration within) {
        RequestBudget.Budget scope = budget.open(within);
        try {
            assertThatThrownBy(() -> pool.hash(PASSWORD)).isInstanceOf(RequestTimeoutException.class);
        } finally {
            scope.close();
        }
    }

    private CompletableFuture<PasswordHash> hashInBackground(HashingPool pool) {
        return CompletableFuture.supplyAsync(() -> pool.hash(PASSWORD), r -> Thread.ofPlatform().start(r));
    }

    @Test
    void givenExhaustedBudget_hash_failsAtOnceWithoutHashing() {
        HashingPool pool = pool(1);
        assertTimesOut(pool, Duration.ZERO);
        assertThat(hasher.calls.get()).isZero();
    }

    @Test
    void givenAllSlotsBusy_hash_givesUpWhenTheBudgetRunsOutWithoutWaitingPastIt() throws Exception {
        HashingPool pool = pool(1);
        CompletableFuture<PasswordHash> occupant = hashInBackground(pool);
        assertThat(hasher.entered.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        assertTimesOut(pool, Duration.ofMillis(100));
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(waitedMillis).isBetween(90L, 2_000L);
        assertThat(hasher.calls.get()).as("the rejected caller never hashed").isEqualTo(1);
        hasher.gate.release();
        assertThat(occupant.get(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void givenHashOutlastsTheBudget_hash_failsAndTheSlotIsFreedWhenTheHashEnds() throws Exception {
        HashingPool pool = pool(1);
        assertTimesOut(pool, Duration.ofMillis(50));
        hasher.gate.release(2);
        assertThat(pool.hash(PASSWORD)).isEqualTo(new PasswordHash("gated$21"));
    }

    @Test
    void neverRunsMoreHashesAtOnceThanSlots() throws Exception {
        HashingPool pool = pool(2);
        hasher.entered = new CountDownLatch(2);
        List<CompletableFuture<PasswordHash>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(hashInBackground(pool));
        }
        assertThat(hasher.entered.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(hasher.running.get()).isEqualTo(2);
        hasher.gate.release(4);
        for (CompletableFuture<PasswordHash> call : calls) {
            assertThat(call.get(5, TimeUnit.SECONDS)).isNotNull();
        }
        assertThat(hasher.calls.get()).isEqualTo(4);
        assertThat(hasher.maxRunning.get()).isEqualTo(2);
    }

    @Test
    void hasherFailuresReachTheCaller() {
        PasswordHasher failing = new PasswordHasher() {
            @Override
            public PasswordHash hash(Password password) {
                throw new IllegalStateException("boom");
            }

            @Override
            public boolean verify(Password password, PasswordHash hash) {
                throw new IllegalStateException("boom");
            }

            @Override
            public PasswordHash dummyHash() {
                return new PasswordHash("x");
            }
        };
        HashingPool pool = new HashingPool(failing, budget, 1, Duration.ofSeconds(5));
        toClose.add(pool);
        assertThatThrownBy(() -> pool.hash(PASSWORD)).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }
}
