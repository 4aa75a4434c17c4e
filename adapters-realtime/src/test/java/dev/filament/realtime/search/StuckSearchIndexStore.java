package dev.filament.realtime.search;

import dev.filament.application.search.port.out.BatchResult;
import dev.filament.application.search.port.out.SearchBacklog;
import dev.filament.application.search.port.out.SearchIndexStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test store whose batches (and, if asked, backlog queries) block until {@link #release()}, ignoring interrupts the
 * way a JDBC socket read does: the stand-in for a database that stopped answering.
 */
final class StuckSearchIndexStore implements SearchIndexStore {
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(1);
    private final AtomicInteger backlogCalls = new AtomicInteger();
    private final boolean backlogStuck;

    StuckSearchIndexStore(boolean backlogStuck) {
        this.backlogStuck = backlogStuck;
    }

    @Override
    public BatchResult indexDueUpserts() {
        entered.countDown();
        blockUntilReleased();
        return BatchResult.idle();
    }

    @Override
    public BatchResult rebuildNextBatch() {
        blockUntilReleased();
        return BatchResult.idle();
    }

    @Override
    public SearchBacklog backlog() {
        backlogCalls.incrementAndGet();
        if (backlogStuck) {
            entered.countDown(); // the indexer reads the backlog before its batches: it is stuck in the store here
            blockUntilReleased();
        }
        return new SearchBacklog(1, Optional.empty()); // work waits, so the indexer goes on to its (stuck) batch

    }

    void awaitEntered() throws InterruptedException {
        if (!entered.await(5, TimeUnit.SECONDS)) {
            throw new AssertionError("the indexer never called the store");
        }
    }

    int backlogCalls() {
        return backlogCalls.get();
    }

    void release() {
        released.countDown();
    }

    private void blockUntilReleased() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos(); // safety net for a broken test only
        while (released.getCount() > 0 && System.nanoTime() < deadline) {
            try {
                released.await(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // ignored on purpose: a blocked socket read does not notice interrupts either
            }
        }
    }
}
