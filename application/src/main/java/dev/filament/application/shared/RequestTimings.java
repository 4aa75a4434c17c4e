package dev.filament.application.shared;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Per-request phase timings for {@code FILAMENT_DEBUG_REQUEST_TIMINGS} (SPEC 14.3). The edge opens a recording for the
 * request's thread; adapters add the time they spend in a phase. When nothing is open (timings off, background work)
 * {@link #time} just runs the work. Shared by the wiring; each request thread holds its own recording.
 */
public final class RequestTimings {
    private final ThreadLocal<Recording> current = new ThreadLocal<>();

    /** The phases reported in {@code Server-Timing}, besides {@code total}. */
    public enum Phase {
        AUTH("auth"), DB("db"), FANOUT("fanout"), SEARCH_ENQUEUE("search_enqueue");

        private final String wireName;

        Phase(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public Recording open() {
        Recording r = new Recording(this);
        current.set(r);
        return r;
    }

    /** Runs {@code work}, adding its duration to {@code phase} when this thread records. Nested calls of one phase
     *  count once (the outermost). */
    public <T> T time(Phase phase, Supplier<T> work) {
        Recording r = current.get();
        if (r == null || r.active.containsKey(phase)) {
            return work.get();
        }
        long start = System.nanoTime();
        r.active.put(phase, Boolean.TRUE);
        try {
            return work.get();
        } finally {
            r.active.remove(phase);
            r.nanos.merge(phase, System.nanoTime() - start, Long::sum);
        }
    }

    public void time(Phase phase, Runnable work) {
        time(phase, () -> {
            work.run();
            return null;
        });
    }

    /** One request's phase totals. */
    public static final class Recording implements AutoCloseable {
        private final RequestTimings owner;
        private final Map<Phase, Long> nanos = new EnumMap<>(Phase.class);
        private final Map<Phase, Boolean> active = new EnumMap<>(Phase.class);

        private Recording(RequestTimings owner) {
            this.owner = owner;
        }

        public double millis(Phase phase) {
            return nanos.getOrDefault(phase, 0L) / 1_000_000.0;
        }

        @Override
        public void close() {
            owner.current.remove();
        }
    }
}
