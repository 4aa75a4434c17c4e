package dev.filament.http.edge;

import dev.filament.application.shared.RequestBudget;
import dev.filament.domain.error.RequestTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs work on the calling thread within a budget (SPEC 2.2): the budget is open on the thread so inner waits cut
 * themselves to it, and when it runs out before the work committed (W3) the thread is interrupted (virtual threads
 * make JDBC, locks and queues give up) and the run ends in {@link RequestTimeoutException}. Shared by the HTTP
 * deadline and the gateway's command worker.
 */
public final class BudgetWatchdog implements AutoCloseable {
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int TIMED_OUT = 2;

    private final RequestBudget requestBudget;
    private final ScheduledExecutorService timer;
    private final boolean ownsTimer;

    public BudgetWatchdog(RequestBudget requestBudget, ScheduledExecutorService timer) {
        this(requestBudget, timer, false);
    }

    private BudgetWatchdog(RequestBudget requestBudget, ScheduledExecutorService timer, boolean ownsTimer) {
        this.requestBudget = requestBudget;
        this.timer = timer;
        this.ownsTimer = ownsTimer;
    }

    /** A watchdog with its own timer thread, stopped by {@link #close()}. */
    public static BudgetWatchdog withOwnTimer(RequestBudget requestBudget, String threadName) {
        return new BudgetWatchdog(requestBudget, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        }), true);
    }

    /** Work that may throw; its own failure is rethrown unless the budget ran out first. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /**
     * Runs {@code work} with {@code left} of budget.
     *
     * @throws RequestTimeoutException with {@code timeoutMessage} when the budget ran out before a commit
     */
    public void run(Duration left, String timeoutMessage, Work work) throws Exception {
        Duration bound = left.isNegative() ? Duration.ZERO : left;
        Thread worker = Thread.currentThread();
        AtomicInteger state = new AtomicInteger(RUNNING);
        ReentrantLock lock = new ReentrantLock();
        Throwable failure = null;
        try (RequestBudget.Budget open = requestBudget.open(bound)) {
            ScheduledFuture<?> watchdog = timer.schedule(() -> {
                lock.lock();
                try {
                    if (!open.isCommitted() && state.compareAndSet(RUNNING, TIMED_OUT)) {
                        worker.interrupt();
                    }
                } finally {
                    lock.unlock();
                }
            }, bound.toMillis(), TimeUnit.MILLISECONDS);
            try {
                work.run();
            } catch (Throwable t) {
                failure = t;
            } finally {
                watchdog.cancel(false);
                if (!state.compareAndSet(RUNNING, DONE)) {
                    lock.lock();              // the watchdog fired: wait until its interrupt was delivered,
                    try {
                        Thread.interrupted(); // then clear it so it cannot leak into the next request or command
                    } finally {
                        lock.unlock();
                    }
                }
            }
        }
        if (state.get() == TIMED_OUT) {
            throw new RequestTimeoutException(timeoutMessage);
        }
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure != null) {
            throw (Error) failure;
        }
    }

    @Override
    public void close() {
        if (ownsTimer) {
            timer.shutdownNow();
        }
    }
}
