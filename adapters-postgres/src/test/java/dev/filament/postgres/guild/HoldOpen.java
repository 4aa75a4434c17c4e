package dev.filament.postgres.guild;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Test helper for "the first transaction holds its locks, the second waits" scenarios: runs work on two other
 * threads and keeps the first transaction open until {@link #release}.
 */
final class HoldOpen implements AutoCloseable {
    private static final long PATIENCE_SECONDS = 10;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** Runs the first transaction; it must call {@link #holdHere} once its statements are done. */
    <T> Future<T> start(Supplier<T> work) {
        return threads.submit(work::get);
    }

    /** Runs the competing transaction. */
    <T> Future<T> startOther(Supplier<T> work) {
        return threads.submit(work::get);
    }

    void holdHere() {
        holding.countDown();
        try {
            if (!released.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void awaitHolding() throws InterruptedException {
        if (!holding.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the first transaction never got to hold");
        }
    }

    void release() {
        released.countDown();
    }

    static <T> T result(Future<T> future) throws Exception {
        return future.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        released.countDown();
        threads.shutdownNow();
    }
}
