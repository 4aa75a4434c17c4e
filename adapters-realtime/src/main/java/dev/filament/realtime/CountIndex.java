package dev.filament.realtime;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent counter index key -> member -> count, where a count reaching zero removes the member and an empty row
 * removes the key. Each key changes atomically; the returned counts tell callers about 0 -> 1 and 1 -> 0 transitions
 * without scanning anything.
 */
final class CountIndex<K, M> {
    private final ConcurrentHashMap<K, Map<M, Integer>> rows = new ConcurrentHashMap<>();

    /** Adds {@code delta} to the member's count and returns the new count (never below zero). */
    int adjust(K key, M member, int delta) {
        int[] result = {0};
        rows.compute(key, (k, row) -> {
            Map<M, Integer> target = row == null ? new ConcurrentHashMap<>() : row;
            int next = Math.max(0, target.getOrDefault(member, 0) + delta);
            if (next == 0) {
                target.remove(member);
            } else {
                target.put(member, next);
            }
            result[0] = next;
            return target.isEmpty() ? null : target;
        });
        return result[0];
    }

    /** Removes the member from the row entirely; returns the count it had. */
    int remove(K key, M member) {
        int[] previous = {0};
        rows.computeIfPresent(key, (k, row) -> {
            Integer had = row.remove(member);
            previous[0] = had == null ? 0 : had;
            return row.isEmpty() ? null : row;
        });
        return previous[0];
    }

    int count(K key, M member) {
        Map<M, Integer> row = rows.get(key);
        return row == null ? 0 : row.getOrDefault(member, 0);
    }

    /** A copy of every key with its members of non-zero count. */
    Map<K, Set<M>> snapshot() {
        Map<K, Set<M>> copy = new java.util.HashMap<>();
        rows.forEach((key, row) -> {
            if (!row.isEmpty()) {
                copy.put(key, Set.copyOf(row.keySet()));
            }
        });
        return copy;
    }

    /** A live, weakly consistent view of the members with a non-zero count under {@code key}. */
    Set<M> members(K key) {
        Map<M, Integer> row = rows.get(key);
        return row == null ? Set.of() : Collections.unmodifiableSet(row.keySet());
    }
}
