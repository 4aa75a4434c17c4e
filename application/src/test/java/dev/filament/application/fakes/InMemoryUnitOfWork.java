package dev.filament.application.fakes;

import dev.filament.application.port.out.UnitOfWork;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** Fake: runs work serially under one lock (serialisable by construction); it does not roll back fake writes. */
public final class InMemoryUnitOfWork implements UnitOfWork {
    private final ReentrantLock lock = new ReentrantLock();
    private int transactions;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            transactions++;
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    public int transactions() {
        return transactions;
    }
}
