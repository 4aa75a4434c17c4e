package dev.filament.application.gateway.port.out;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/** A socket that records frames and how it ended, with bounded waits for tests. */
public final class RecordingGatewaySocket implements GatewaySocket {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<String> frames = new ArrayList<>();
    private String ending;

    @Override
    public void sendText(String text) {
        update(() -> frames.add(text));
    }

    @Override
    public void close(int code, String reason) {
        update(() -> ending = code + " " + reason);
    }

    @Override
    public void abort() {
        update(() -> ending = "aborted");
    }

    private void update(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until {@code count} frames arrived; returns the frames seen so far. */
    public List<String> awaitFrames(int count, Duration timeout) throws InterruptedException {
        await(() -> frames.size() >= count, timeout);
        return frames();
    }

    /** Waits until the socket was closed or aborted; returns {@code "<code> <reason>"} or {@code "aborted"}. */
    public String awaitEnding(Duration timeout) throws InterruptedException {
        await(() -> ending != null, timeout);
        lock.lock();
        try {
            return ending;
        } finally {
            lock.unlock();
        }
    }

    /** The ending so far ({@code "<code> <reason>"} or {@code "aborted"}), empty while the socket is open. */
    public java.util.Optional<String> ending() {
        lock.lock();
        try {
            return java.util.Optional.ofNullable(ending);
        } finally {
            lock.unlock();
        }
    }

    public List<String> frames() {
        lock.lock();
        try {
            return List.copyOf(frames);
        } finally {
            lock.unlock();
        }
    }

    private void await(BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!done.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting; frames=" + frames + ", ending=" + ending);
                }
                changed.await(left, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }
}
