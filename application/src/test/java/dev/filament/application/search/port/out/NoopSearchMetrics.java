package dev.filament.application.search.port.out;

/** Search metrics that record nothing, for wiring without a metrics registry. */
public final class NoopSearchMetrics implements SearchMetrics {

    @Override
    public void batchFinished(BatchOutcome outcome) {
        // nothing recorded by design
    }

    @Override
    public void backlogObserved(long rows, long lagSeconds) {
        // nothing recorded by design
    }
}
