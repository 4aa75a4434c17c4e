package dev.filament.application.shared.testing;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Test helper: the one way a test waits for an outcome that background work makes true, polling with a growing
 * interval (1 ms up to 50 ms, so a slow wait costs little CPU) and failing with an {@link AssertionError} after the
 * caller's own bound.
 */
public final class Eventually {
    private static final long FIRST_PAUSE_NANOS = Duration.ofMillis(1).toNanos();
    private static final long LONGEST_PAUSE_NANOS = Duration.ofMillis(50).toNanos();

    /** A call that may throw; {@code X} is inferred from the lambda, so checked exceptions pass through. */
    @FunctionalInterface
    public interface Call<T, X extends Exception> {
        T call() throws X;
    }

    private Eventually() {
    }

    /** Returns once {@code condition} holds; fails after {@code patience}. */
    public static void until(String what, Duration patience, BooleanSupplier condition) {
        until(what, patience, condition::getAsBoolean, Boolean::booleanValue);
    }

    /**
     * Calls {@code probe} until its answer satisfies {@code done} and returns that answer; fails after
     * {@code patience}, naming the last answer. An exception from the probe ends the wait at once.
     */
    public static <T, X extends Exception> T until(String what, Duration patience, Call<T, X> probe,
            Predicate<? super T> done) throws X {
        Poll poll = new Poll(patience);
        while (true) {
            T answer = probe.call();
            if (done.test(answer)) {
                return answer;
            }
            if (poll.expired()) {
                throw new AssertionError("timed out after " + patience + " waiting until " + what
                        + "; last answer: " + answer);
            }
            poll.pause(what);
        }
    }

    /**
     * Calls {@code call} until it stops throwing {@code retryOn} (or a subtype) and returns its result; any other
     * exception ends the wait at once. Fails after {@code patience} with the last exception as the cause.
     */
    public static <T, X extends Exception> T retrying(String what, Duration patience,
            Class<? extends Throwable> retryOn, Call<T, X> call) throws X {
        return retrying(what, patience, List.of(retryOn), call);
    }

    /** {@link #retrying(String, Duration, Class, Call)} for a call that may fail in more than one passing way. */
    public static <T, X extends Exception> T retrying(String what, Duration patience,
            List<Class<? extends Throwable>> retryOn, Call<T, X> call) throws X {
        Poll poll = new Poll(patience);
        while (true) {
            try {
                return call.call();
            } catch (Exception | AssertionError e) {
                if (retryOn.stream().noneMatch(type -> type.isInstance(e))) {
                    throw e;
                }
                if (poll.expired()) {
                    throw new AssertionError("timed out after " + patience + " retrying until " + what, e);
                }
            }
            poll.pause(what);
        }
    }

    /** One wait's deadline and its growing pause. */
    private static final class Poll {
        private final long deadline;
        private long pauseNanos = FIRST_PAUSE_NANOS;

        Poll(Duration patience) {
            this.deadline = System.nanoTime() + patience.toNanos();
        }

        boolean expired() {
            return System.nanoTime() - deadline >= 0;
        }

        void pause(String what) {
            try {
                Thread.sleep(Duration.ofNanos(Math.min(pauseNanos, Math.max(1, deadline - System.nanoTime()))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
            pauseNanos = Math.min(pauseNanos * 2, LONGEST_PAUSE_NANOS);
        }
    }
}
