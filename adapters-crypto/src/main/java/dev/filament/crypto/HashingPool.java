package dev.filament.crypto;

import dev.filament.application.shared.RequestBudget;
import dev.filament.application.identity.port.out.PasswordHasher;
import dev.filament.domain.error.RequestTimeoutException;
import dev.filament.domain.identity.Password;
import dev.filament.domain.identity.PasswordHash;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The {@link PasswordHasher} the services receive: it runs another hasher (Argon2id in production) on a dedicated pool
 * of at most {@code slots} concurrent hashes (SPEC 4.1). A caller waits for a slot and for its result only within what
 * remains of its request budget, else {@link RequestTimeoutException}.
 *
 * <p>Why platform threads: Argon2 occupies a core for tens of milliseconds; on virtual threads it would pin the
 * carriers that every other request runs on. A semaphore (not the executor's queue) bounds admission, so a waiting
 * caller gives up when its own budget ends instead of queuing without bound.
 */
public final class HashingPool implements PasswordHasher, AutoCloseable {
    private final PasswordHasher hasher;
    private final RequestBudget budget;
    private final Duration unbudgetedWait;
    private final Semaphore slots;
    private final ExecutorService workers;

    /**
     * @param unbudgetedWait how long a caller without an open request budget (startup, background work) may wait
     */
    public HashingPool(PasswordHasher hasher, RequestBudget budget, int slots, Duration unbudgetedWait) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be >= 1");
        }
        this.hasher = hasher;
        this.budget = budget;
        this.unbudgetedWait = unbudgetedWait;
        this.slots = new Semaphore(slots, true);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(slots, r -> {
            Thread t = new Thread(r, "password-hash-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** One slot per available processor, as SPEC 4.1 asks. */
    public static HashingPool perProcessor(PasswordHasher hasher, RequestBudget budget) {
        return new HashingPool(hasher, budget, Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(10));
    }

    @Override
    public PasswordHash hash(Password password) {
        return run(() -> hasher.hash(password));
    }

    @Override
    public boolean verify(Password password, PasswordHash hash) {
        return run(() -> hasher.verify(password, hash));
    }

    @Override
    public PasswordHash dummyHash() {
        return hasher.dummyHash();
    }

    private <T> T run(Supplier<T> work) {
        long deadline = System.nanoTime() + budget.cut(unbudgetedWait).toNanos();
        acquireSlot(deadline);
        Future<T> result;
        try {
            result = workers.submit(() -> {
                try {
                    return work.get();
                } finally {
                    slots.release(); // released by the worker, so a caller that gave up cannot overrun the bound
                }
            });
        } catch (RuntimeException rejected) {
            slots.release();
            throw rejected;
        }
        return await(result, deadline);
    }

    private void acquireSlot(long deadline) {
        long waitNanos = deadline - System.nanoTime();
        try {
            if (waitNanos <= 0 || !slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                throw new RequestTimeoutException("no password hashing slot within the request budget");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestTimeoutException("interrupted while waiting for a password hashing slot");
        }
    }

    private static <T> T await(Future<T> result, long deadline) {
        try {
            return result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new RequestTimeoutException("password hashing outlasted the request budget");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestTimeoutException("interrupted while hashing a password");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("password hashing failed", e.getCause());
        }
    }

    /** Stops the workers; hashes already running finish on their own. */
    @Override
    public void close() {
        workers.shutdown();
    }
}
