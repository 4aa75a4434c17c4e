package dev.filament.application.shared.port.out;

import java.util.function.Supplier;

/**
 * Out-port: one database transaction owned by a use case. Repositories called inside {@code work} on the same thread
 * take part in it. Commits when {@code work} returns, rolls back when it throws.
 *
 * <p>Semantics every adapter keeps: serialization failures and deadlocks are retried up to 2 more times while budget
 * remains (SPEC 1.11 W4), so {@code work} must be safe to re-run and must not hand anything off before it returns;
 * a dependency that does not answer within its bound surfaces as
 * {@link dev.filament.domain.error.UnavailableException}. Blocks the calling thread for at most the pool, statement
 * and lock bounds.
 */
public interface UnitOfWork {

    <T> T inTransaction(Supplier<T> work);

    /**
     * Read-only {@code work} that needs no common snapshot across its statements: an adapter may run each statement on
     * its own (no BEGIN/COMMIT round trips, no connection held for work answered from memory), with the same failure
     * translation as {@link #inTransaction}. Inside an open transaction it joins it. By default, a transaction.
     */
    default <T> T read(Supplier<T> work) {
        return inTransaction(work);
    }

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
