package dev.filament.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counts of operation outcomes by label (HTTP status, "timeout", "missing", ...). */
final class Outcomes {
    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    void add(String label, long n) {
        counts.computeIfAbsent(label, k -> new LongAdder()).add(n);
    }

    long count(String label) {
        LongAdder adder = counts.get(label);
        return adder == null ? 0 : adder.sum();
    }

    /** A sorted snapshot of every label except {@code excluded}. */
    Map<String, Long> without(String excluded) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((label, n) -> {
            if (!label.equals(excluded) && n.sum() > 0) {
                out.put(label, n.sum());
            }
        });
        return out;
    }
}
