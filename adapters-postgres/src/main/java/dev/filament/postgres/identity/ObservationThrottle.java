package dev.filament.postgres.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per-process memory of when each key was last let through, so a key passes at most once per window. Bounded: past
 * {@code capacity} keys the least recently used is forgotten (which at worst allows one early repeat). Thread-safe;
 * the lock covers one map operation.
 */
final class ObservationThrottle<K> {
    private final Duration window;
    private final Map<K, Instant> lastPassed;

    ObservationThrottle(Duration window, int capacity) {
        this.window = Objects.requireNonNull(window, "window");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.lastPassed = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Instant> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether {@code key} may pass at {@code now}; if so, starts its window at {@code now}. */
    synchronized boolean tryPass(K key, Instant now) {
        Instant last = lastPassed.get(key);
        if (last != null && now.isBefore(last.plus(window))) {
            return false;
        }
        lastPassed.put(key, now);
        return true;
    }

    synchronized int size() {
        return lastPassed.size();
    }
}
