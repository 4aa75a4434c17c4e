package dev.filament.realtime;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The bounded dispatch queue: many producers, one consumer, lock-free on the producer side. {@link #offer} reserves a
 * slot with one atomic increment and either enqueues or answers false at once; it takes no lock and never waits, so
 * a publishing request thread cannot be held up by the dispatcher, whatever the dispatcher is doing.
 */
final class DispatchQueue<T> {
    private final ConcurrentLinkedQueue<T> items = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;
    private volatile Thread consumer;
    private volatile boolean consumerParked;

    DispatchQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Enqueues unless full. Never blocks. */
    boolean offer(T item) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return false;
        }
        items.offer(item);
        // Dekker-style hand-shake with poll(): either the consumer sees the item or we see it parked.
        if (consumerParked) {
            LockSupport.unpark(consumer);
        }
        return true;
    }

    /** Consumer only: the next item, waiting up to {@code timeoutNanos}; null when none arrived. */
    T poll(long timeoutNanos) {
        T item = items.poll();
        if (item == null) {
            consumer = Thread.currentThread();
            consumerParked = true;
            try {
                item = items.poll();
                if (item == null) {
                    LockSupport.parkNanos(this, timeoutNanos);
                    item = items.poll();
                }
            } finally {
                consumerParked = false;
            }
        }
        if (item != null) {
            size.decrementAndGet();
        }
        return item;
    }

    int size() {
        return Math.min(size.get(), capacity);
    }

    int capacity() {
        return capacity;
    }
}
