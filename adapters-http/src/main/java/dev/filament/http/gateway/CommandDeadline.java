package dev.filament.http.gateway;

import dev.filament.application.budget.RequestBudget;
import dev.filament.domain.error.RequestTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bounds one gateway command by the request budget (SPEC 9.4, 2.2), like the HTTP deadline does for a request: the
 * budget is open on the worker thread so inner waits cut themselves to it, and past the budget (before a commit) the
 * worker is interrupted and the command fails with {@code request_timeout}.
 */
final class CommandDeadline {
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int TIMED_OUT = 2;

    private final Duration budget;
    private final RequestBudget requestBudget;
    private final ScheduledExecutorService timer;

    CommandDeadline(Duration budget, RequestBudget requestBudget, ScheduledExecutorService timer) {
        this.budget = budget;
        this.requestBudget = requestBudget;
        this.timer = timer;
    }

    /**
     * Runs {@code work} on the calling thread within the budget.
     *
     * @throws RequestTimeoutException when the budget ran out before the work committed
     */
    void run(Runnable work) {
        Thread worker = Thread.currentThread();
        AtomicInteger state = new AtomicInteger(RUNNING);
        ReentrantLock lock = new ReentrantLock();
        try (RequestBudget.Budget open = requestBudget.open(budget)) {
            ScheduledFuture<?> watchdog = timer.schedule(() -> {
                lock.lock();
                try {
                    if (!open.isCommitted() && state.compareAndSet(RUNNING, TIMED_OUT)) {
                        worker.interrupt();
                    }
                } finally {
                    lock.unlock();
                }
            }, budget.toMillis(), TimeUnit.MILLISECONDS);
            try {
                work.run();
            } catch (RuntimeException e) {
                if (state.get() != TIMED_OUT) {
                    throw e;
                }
            } finally {
                watchdog.cancel(false);
                if (!state.compareAndSet(RUNNING, DONE)) {
                    lock.lock();          // the watchdog fired: wait until its interrupt was delivered,
                    try {
                        Thread.interrupted(); // then clear it so it cannot leak into the next command
                    } finally {
                        lock.unlock();
                    }
                }
            }
        }
        if (state.get() == TIMED_OUT) {
            throw new RequestTimeoutException("gateway command exceeded " + budget.toMillis() + " ms");
        }
    }
}
