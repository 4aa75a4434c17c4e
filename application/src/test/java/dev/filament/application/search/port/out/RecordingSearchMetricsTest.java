package dev.filament.application.search.port.out;

import java.util.Map;

class RecordingSearchMetricsTest extends SearchMetricsContract {
    private RecordingSearchMetrics metrics;

    @Override
    protected SearchMetrics metrics() {
        metrics = new RecordingSearchMetrics();
        return metrics;
    }

    @Override
    protected double counter(String name, Map<String, String> tags) {
        if (!name.equals("filament_search_index_batches_total") || tags.size() != 1) {
            return 0;
        }
        for (SearchMetrics.BatchOutcome o : SearchMetrics.BatchOutcome.values()) {
            if (o.label().equals(tags.get("outcome"))) {
                return metrics.batches(o);
            }
        }
        return 0;
    }

    @Override
    protected double gauge(String name) {
        return switch (name) {
            case "filament_search_backlog" -> metrics.backlog();
            case "filament_search_lag_seconds" -> metrics.lagSeconds();
            default -> Double.NaN;
        };
    }
}
