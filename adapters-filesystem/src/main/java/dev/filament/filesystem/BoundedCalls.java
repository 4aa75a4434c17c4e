package dev.filament.filesystem;

import dev.filament.domain.error.UnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one file operation on its own virtual thread and waits for it at most the bound (SPEC 2.2: 5 s per blob store
 * call outside body streaming). On expiry the operation is interrupted and the caller gets 503 {@code unavailable};
 * an operation that completes late anyway is harmless (a committed object is covered by its tombstone).
 */
final class BoundedCalls implements AutoCloseable {
    static final String KIND = "blob_store";

    @FunctionalInterface
    interface FileCall<T> {
        T call() throws IOException;
    }

    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("blob-fs-", 0).factory());
    private final Duration bound;

    BoundedCalls(Duration bound) {
        this.bound = bound;
    }

    <T> T call(FileCall<T> operation) {
        Future<T> running = threads.submit(operation::call);
        try {
            return running.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            throw UnavailableException.dependency(KIND);
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw UnavailableException.dependency(KIND);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        if (cause instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        return new IllegalStateException(cause);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
