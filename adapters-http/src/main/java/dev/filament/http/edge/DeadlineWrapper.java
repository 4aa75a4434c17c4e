package dev.filament.http.edge;

import dev.filament.application.budget.RequestBudget;
import dev.filament.domain.error.RequestTimeoutException;
import dev.filament.http.RequestAttributes;
import io.javalin.http.Handler;
import io.javalin.router.Endpoint;
import io.javalin.router.HandlerWrapper;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Edge step 3: the request budget (SPEC 2.2). Wraps every endpoint handler: when the budget measured from the
 * request's start runs out before the final commit, the handler thread is interrupted (virtual threads make JDBC,
 * locks and queues give up) and the request answers 408. After a commit the budget is not enforced (W3).
 */
public final class DeadlineWrapper implements HandlerWrapper, AutoCloseable {
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int TIMED_OUT = 2;

    private final Duration budget;
    private final RequestBudget requestBudget;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "request-deadline");
        t.setDaemon(true);
        return t;
    });

    public DeadlineWrapper(Duration budget, RequestBudget requestBudget) {
        this.budget = budget;
        this.requestBudget = requestBudget;
    }

    @Override
    public Handler wrap(Endpoint endpoint) {
        Handler handler = endpoint.handler;
        if (!endpoint.method.isHttpMethod()) {
            return handler;
        }
        return ctx -> {
            long elapsed = System.nanoTime() - RequestAttributes.startedNanos(ctx);
            Duration left = budget.minusNanos(elapsed);
            try (RequestBudget.Budget open = requestBudget.open(left.isNegative() ? Duration.ZERO : left)) {
                runBounded(handler, ctx, open, left);
            }
        };
    }

    private void runBounded(Handler handler, io.javalin.http.Context ctx, RequestBudget.Budget open, Duration left)
            throws Exception {
        Thread worker = Thread.currentThread();
        AtomicInteger state = new AtomicInteger(RUNNING);
        ReentrantLock lock = new ReentrantLock();
        ScheduledFuture<?> watchdog = timer.schedule(() -> {
            lock.lock();
            try {
                if (!open.isCommitted() && state.compareAndSet(RUNNING, TIMED_OUT)) {
                    worker.interrupt();
                }
            } finally {
                lock.unlock();
            }
        }, Math.max(0, left.toMillis()), TimeUnit.MILLISECONDS);
        Throwable failure = null;
        try {
            handler.handle(ctx);
        } catch (Throwable t) {
            failure = t;
        } finally {
            watchdog.cancel(false);
            if (!state.compareAndSet(RUNNING, DONE)) {
                lock.lock();          // the watchdog fired: wait until its interrupt was delivered,
                try {
                    Thread.interrupted(); // then clear it so it cannot leak into the next request
                } finally {
                    lock.unlock();
                }
            }
        }
        if (state.get() == TIMED_OUT) {
            throw new RequestTimeoutException("request exceeded " + budget.toMillis() + " ms");
        }
        rethrow(failure);
    }

    private static void rethrow(Throwable failure) throws Exception {
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure != null) {
            throw (Error) failure;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
