package dev.filament.application.guild.port.out;

import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.application.shared.port.out.UnitOfWork;
import java.util.function.Supplier;

/**
 * Fake {@link UnitOfWork}: the serial in-memory one, plus whether the current thread is inside a transaction (to
 * prove hand-offs run after commit) and a count of transactions.
 */
public final class RecordingUnitOfWork implements UnitOfWork {
    private final InMemoryUnitOfWork delegate = new InMemoryUnitOfWork();
    private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return delegate.inTransaction(() -> {
            depth.set(depth.get() + 1);
            try {
                return work.get();
            } finally {
                depth.set(depth.get() - 1);
            }
        });
    }

    /** Makes {@code participant}'s writes roll back with the transaction they were made in; returns this. */
    public RecordingUnitOfWork enlist(InMemoryUnitOfWork.Participant participant) {
        delegate.enlist(participant);
        return this;
    }

    public boolean inTransaction() {
        return depth.get() > 0;
    }

    public int transactions() {
        return delegate.transactions();
    }
}
