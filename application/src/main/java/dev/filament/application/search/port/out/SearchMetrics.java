package dev.filament.application.search.port.out;

/**
 * Out-port: the search metrics of SPEC 14.2: {@code filament_search_index_batches_total{outcome}} (counter,
 * {@code ok|error}), {@code filament_search_backlog} and {@code filament_search_lag_seconds} (gauges showing the last
 * observation). Called by the indexer thread: cheap, never blocks, never throws.
 */
public interface SearchMetrics {

    /** One non-idle batch finished. */
    void batchFinished(BatchOutcome outcome);

    /** The latest backlog observation; the gauges report it until the next one. */
    void backlogObserved(long rows, long lagSeconds);

    /** Label values of {@code outcome}. */
    enum BatchOutcome {
        OK("ok"), ERROR("error");

        private final String label;

        BatchOutcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
