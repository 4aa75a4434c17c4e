package dev.filament.application.search.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.search.port.out.SearchMetrics.BatchOutcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link SearchMetrics}: what each call does to the exposed series of SPEC 14.2. Run by the recording fake
 * and by any registry-backed adapter, each answering the readings through its own registry.
 */
public abstract class SearchMetricsContract {

    /** A fresh metrics instance with nothing recorded. */
    protected abstract SearchMetrics metrics();

    /** The value of the counter series {@code name} with exactly {@code tags}; 0 when absent. */
    protected abstract double counter(String name, Map<String, String> tags);

    /** The value of the gauge {@code name} read now. */
    protected abstract double gauge(String name);

    @Test
    void batchesAreCountedByOutcomeLabel() {
        SearchMetrics m = metrics();
        m.batchFinished(BatchOutcome.OK);
        m.batchFinished(BatchOutcome.OK);
        m.batchFinished(BatchOutcome.ERROR);

        assertThat(counter("filament_search_index_batches_total", Map.of("outcome", "ok"))).isEqualTo(2.0);
        assertThat(counter("filament_search_index_batches_total", Map.of("outcome", "error"))).isEqualTo(1.0);
    }

    @Test
    void gaugesShowTheLatestBacklogObservation() {
        SearchMetrics m = metrics();
        m.backlogObserved(10, 3);
        m.backlogObserved(7, 2);

        assertThat(gauge("filament_search_backlog")).isEqualTo(7.0);
        assertThat(gauge("filament_search_lag_seconds")).isEqualTo(2.0);
    }
}
