package dev.filament.application.shared;

import java.time.Duration;
import java.util.Optional;

/**
 * The request budget of the current thread (SPEC 2.2). The HTTP edge opens it; waits further in (statement and lock
 * timeouts, hash slots) cut their own bound to what remains. After the final commit the budget is no longer enforced
 * (SPEC 1.11 W3): the unit of work marks the commit and the edge stops the watchdog from interrupting. One instance
 * is shared by the wiring; each request's handler thread holds its own {@link Budget}.
 */
public final class RequestBudget {
    private final ThreadLocal<Budget> current = new ThreadLocal<>();

    /** Opens a budget for this thread; close the returned budget when the request ends. */
    public Budget open(Duration budget) {
        Budget b = new Budget(this, current.get(), System.nanoTime() + budget.toNanos());
        current.set(b);
        return b;
    }

    /** Time left in this thread's budget; empty when no budget is open (background work). */
    public Optional<Duration> remaining() {
        Budget b = current.get();
        return b == null ? Optional.empty() : Optional.of(b.remaining());
    }

    /** {@code bound}, cut to what remains of the budget when one is open. */
    public Duration cut(Duration bound) {
        return remaining().filter(r -> r.compareTo(bound) < 0).orElse(bound);
    }

    /** Records that this thread's request committed its write: from now on the budget is not enforced. */
    public void markCommitted() {
        Budget b = current.get();
        if (b != null) {
            b.committed = true;
        }
    }

    /** One open budget. {@link #isCommitted()} may be read from the watchdog thread. */
    public static final class Budget implements AutoCloseable {
        private final RequestBudget owner;
        private final Budget previous;
        private final long deadlineNanos;
        private volatile boolean committed;

        private Budget(RequestBudget owner, Budget previous, long deadlineNanos) {
            this.owner = owner;
            this.previous = previous;
            this.deadlineNanos = deadlineNanos;
        }

        public Duration remaining() {
            return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
        }

        public boolean isCommitted() {
            return committed;
        }

        @Override
        public void close() {
            if (previous == null) {
                owner.current.remove();
            } else {
                owner.current.set(previous);
            }
        }
    }
}
