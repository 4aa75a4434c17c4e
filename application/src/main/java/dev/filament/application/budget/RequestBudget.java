package dev.filament.application.budget;

import java.time.Duration;
import java.util.Optional;

/**
 * The request budget of the current thread (SPEC 2.2). The HTTP edge opens it; waits further in (statement and lock
 * timeouts, hash slots) cut their own bound to what remains. One instance is shared by the wiring; each request's
 * handler thread holds its own deadline.
 */
public final class RequestBudget {
    private final ThreadLocal<Long> deadlineNanos = new ThreadLocal<>();

    /** Opens a budget for this thread; close the returned scope when the request ends. */
    public Scope open(Duration budget) {
        Long previous = deadlineNanos.get();
        deadlineNanos.set(System.nanoTime() + budget.toNanos());
        return () -> {
            if (previous == null) {
                deadlineNanos.remove();
            } else {
                deadlineNanos.set(previous);
            }
        };
    }

    /** Time left in this thread's budget; empty when no budget is open (background work). */
    public Optional<Duration> remaining() {
        Long deadline = deadlineNanos.get();
        if (deadline == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** {@code bound}, cut to what remains of the budget when one is open. */
    public Duration cut(Duration bound) {
        return remaining().filter(r -> r.compareTo(bound) < 0).orElse(bound);
    }

    /** Ends a budget scope; never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
