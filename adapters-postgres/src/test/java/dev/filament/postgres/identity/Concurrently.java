package dev.filament.postgres.identity;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Test helper for "first transaction holds, second waits" scenarios: runs work on other threads, holds the first one
 * open until released, and hands back futures.
 */
final class Concurrently implements AutoCloseable {
    private static final long PATIENCE_SECONDS = 10;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final CountDownLatch firstDone = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** Runs {@code work} on another thread; it must call {@link #holdOpen} once its statements are done. */
    <T> Future<T> start(Supplier<T> work) {
        return threads.submit(work::get);
    }

    /** Called inside the first transaction: signals it did its work, then waits for {@link #releaseFirst}. */
    void holdOpen() {
        firstDone.countDown();
        try {
            if (!release.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void awaitFirstHolding() throws InterruptedException {
        if (!firstDone.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("first transaction never got to hold");
        }
    }

    void releaseFirst() {
        release.countDown();
    }

    static <T> T result(Future<T> future) throws Exception {
        return future.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        release.countDown();
        threads.shutdownNow();
    }
}
