package dev.filament.application.shared.fakes;

import dev.filament.application.shared.port.out.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Fake: runs work serially under one lock (serialisable by construction). Fakes that {@link #enlist} themselves are
 * snapshotted when the outermost transaction starts and restored when its work throws, so a failed use case leaves the
 * fake store as unchanged as a rolled-back database would.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Participant> participants = new CopyOnWriteArrayList<>();
    private int transactions;

    /** A fake store taking part in transactions: {@link #snapshot} returns the action that restores it. */
    @FunctionalInterface
    public interface Participant {
        Runnable snapshot();
    }

    /** Makes {@code participant}'s writes roll back with the transaction they were made in; returns this. */
    public InMemoryUnitOfWork enlist(Participant participant) {
        participants.add(participant);
        return this;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get(); // nested: joins the outer transaction, which owns the rollback
            }
            transactions++;
            List<Runnable> restores = new ArrayList<>(participants.size());
            for (Participant participant : participants) {
                restores.add(participant.snapshot());
            }
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                for (int i = restores.size() - 1; i >= 0; i--) {
                    restores.get(i).run();
                }
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many outermost transactions ran (nested calls join and are not counted). */
    public int transactions() {
        return transactions;
    }
}
