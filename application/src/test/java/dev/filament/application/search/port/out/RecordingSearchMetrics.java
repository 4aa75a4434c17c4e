package dev.filament.application.search.port.out;

import java.util.EnumMap;
import java.util.Map;

/** Fake {@link SearchMetrics}: keeps counts and the last backlog observation for assertions. Thread-safe. */
public final class RecordingSearchMetrics implements SearchMetrics {
    private final Map<BatchOutcome, Long> batches = new EnumMap<>(BatchOutcome.class);
    private long backlog;
    private long lagSeconds;
    private int observations;

    @Override
    public synchronized void batchFinished(BatchOutcome outcome) {
        batches.merge(outcome, 1L, Long::sum);
    }

    @Override
    public synchronized void backlogObserved(long rows, long lagSeconds) {
        this.backlog = rows;
        this.lagSeconds = lagSeconds;
        this.observations++;
    }

    public synchronized long batches(BatchOutcome outcome) {
        return batches.getOrDefault(outcome, 0L);
    }

    public synchronized long backlog() {
        return backlog;
    }

    public synchronized long lagSeconds() {
        return lagSeconds;
    }

    public synchronized int observations() {
        return observations;
    }
}
