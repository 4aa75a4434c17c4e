package dev.filament.realtime;

import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent index key -> connections. Each key changes atomically (inside the map's per-key compute), so a set
 * emptied and dropped by one thread can never swallow another thread's add. Readers iterate live, weakly consistent
 * sets without any lock.
 */
final class SessionIndex<K> {
    private final ConcurrentHashMap<K, Set<ConnectionSession>> map = new ConcurrentHashMap<>();

    void add(K key, ConnectionSession session) {
        map.compute(key, (k, set) -> {
            Set<ConnectionSession> target = set == null ? ConcurrentHashMap.newKeySet() : set;
            target.add(session);
            return target;
        });
    }

    /** Removes {@code session} under {@code key}; true when the key has no connection left. */
    boolean remove(K key, ConnectionSession session) {
        boolean[] emptied = {false};
        map.computeIfPresent(key, (k, set) -> {
            set.remove(session);
            emptied[0] = set.isEmpty();
            return emptied[0] ? null : set;
        });
        return emptied[0];
    }

    /** The keys with at least one connection (weakly consistent). */
    Set<K> keys() {
        return Collections.unmodifiableSet(map.keySet());
    }

    /** A live read-only view of the connections under {@code key}. */
    Set<ConnectionSession> get(K key) {
        Set<ConnectionSession> set = map.get(key);
        return set == null ? Set.of() : Collections.unmodifiableSet(set);
    }
}
