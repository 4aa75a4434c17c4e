package dev.filament.application.blob.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.port.out.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@code blob_gc} (SPEC 8.7) over both of its ports: {@link BlobTombstones} (request side, inside the
 * caller's transaction) and {@link BlobGcQueue} (collector side). The queue starts empty ({@link #clearQueue}).
 */
public abstract class BlobGcContract {
    protected static final Instant T0 = Instant.parse("2031-03-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(300);

    protected BlobTombstones tombstones;
    protected BlobGcQueue queue;
    protected UnitOfWork unitOfWork;

    protected abstract BlobTombstones createTombstones();

    protected abstract BlobGcQueue createQueue();

    protected abstract UnitOfWork unitOfWork();

    /** Empties the queue (the tests own it while they run). */
    protected abstract void clearQueue();

    @BeforeEach
    void setUpQueue() {
        tombstones = createTombstones();
        queue = createQueue();
        unitOfWork = unitOfWork();
        clearQueue();
    }

    private static BlobKey key(int n) {
        return BlobKey.attachment(String.format("01J%023d", n));
    }

    private void schedule(BlobKey key, Instant notBefore) {
        unitOfWork.run(() -> tombstones.schedule(key, notBefore));
    }

    @Test
    void onlyDueRowsAreClaimedAndAClaimLeasesThemAndCountsTheAttempt() {
        schedule(key(1), T0);
        schedule(key(2), T0.plusSeconds(3600));

        List<BlobGcQueue.Claim> claims = queue.claimDue(T0, 64, LEASE);

        assertThat(claims).containsExactly(new BlobGcQueue.Claim(key(1), 1));
        assertThat(queue.claimDue(T0.plusSeconds(299), 64, LEASE)).isEmpty();
        assertThat(queue.claimDue(T0.plusSeconds(300), 64, LEASE))
                .containsExactly(new BlobGcQueue.Claim(key(1), 2));
    }

    @Test
    void aClaimTakesAtMostTheLimit() {
        for (int i = 0; i < 70; i++) {
            schedule(key(100 + i), T0);
        }
        assertThat(queue.claimDue(T0, 64, LEASE)).hasSize(64);
        assertThat(queue.claimDue(T0, 64, LEASE)).hasSize(6);
        assertThat(queue.claimDue(T0, 64, LEASE)).isEmpty();
    }

    @Test
    void completedRowsAreGoneAndFailedOnesComeBackAfterTheirBackoff() {
        schedule(key(1), T0);
        schedule(key(2), T0);
        List<BlobGcQueue.Claim> claims = queue.claimDue(T0, 64, LEASE);
        BlobGcQueue.Claim second = claims.stream().filter(c -> c.key().equals(key(2))).findFirst().orElseThrow();

        queue.completed(List.of(key(1)));
        queue.failed(second, T0.plusSeconds(10));

        assertThat(queue.claimDue(T0.plusSeconds(11), 64, LEASE)).isEmpty();
        assertThat(queue.claimDue(T0.plusSeconds(12), 64, LEASE))
                .containsExactly(new BlobGcQueue.Claim(key(2), 2));
    }

    @Test
    void theRetryDelayDoublesUpToAnHour() {
        assertThat(BlobGcQueue.retryDelay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(BlobGcQueue.retryDelay(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(BlobGcQueue.retryDelay(11)).isEqualTo(Duration.ofSeconds(2048));
        assertThat(BlobGcQueue.retryDelay(12)).isEqualTo(Duration.ofSeconds(3600));
        assertThat(BlobGcQueue.retryDelay(1000)).isEqualTo(Duration.ofSeconds(3600));
    }

    @Test
    void aCancelledTombstoneIsNeverClaimed() {
        schedule(key(1), T0.plusSeconds(3600));
        unitOfWork.run(() -> tombstones.cancel(key(1)));
        assertThat(queue.claimDue(T0.plusSeconds(7200), 64, LEASE)).isEmpty();
        unitOfWork.run(() -> tombstones.cancel(key(1))); // idempotent
    }

    @Test
    void schedulingAnAlreadyQueuedKeyOnlyEverMakesItDueEarlier() {
        schedule(key(1), T0.plusSeconds(3600));
        schedule(key(1), T0.plusSeconds(60));
        schedule(key(1), T0.plusSeconds(600));

        assertThat(queue.claimDue(T0.plusSeconds(59), 64, LEASE)).isEmpty();
        assertThat(queue.claimDue(T0.plusSeconds(60), 64, LEASE)).hasSize(1);
    }

    @Test
    void aTombstoneRolledBackWithItsTransactionIsNotQueued() {
        try {
            unitOfWork.run(() -> {
                tombstones.schedule(key(1), T0);
                throw new IllegalStateException("route failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(queue.claimDue(T0, 64, LEASE)).isEmpty();
    }

    @Test
    void theBacklogCountsDueRowsAndTheOldestOverdue() {
        assertThat(queue.backlog(T0)).isEqualTo(new BlobGcQueue.Backlog(0, 0));
        schedule(key(1), T0.minusSeconds(4000));
        schedule(key(2), T0.minusSeconds(10));
        schedule(key(3), T0.plusSeconds(10));

        assertThat(queue.backlog(T0)).isEqualTo(new BlobGcQueue.Backlog(2, 4000));
    }

    @Test
    void concurrentClaimersNeverClaimTheSameRow() throws Exception {
        for (int i = 0; i < 40; i++) {
            schedule(key(200 + i), T0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<BlobGcQueue.Claim>>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<List<BlobGcQueue.Claim>> claim = () -> {
                    start.await();
                    return queue.claimDue(T0, 16, LEASE);
                };
                results.add(pool.submit(claim));
            }
            start.countDown();
            Set<BlobKey> seen = new HashSet<>();
            int total = 0;
            for (Future<List<BlobGcQueue.Claim>> r : results) {
                for (BlobGcQueue.Claim c : r.get(10, TimeUnit.SECONDS)) {
                    assertThat(seen.add(c.key())).as("claimed twice: %s", c.key()).isTrue();
                    total++;
                }
            }
            assertThat(total).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
    }
}
