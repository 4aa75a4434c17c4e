package dev.filament.realtime.search;

import dev.filament.application.search.port.out.BatchResult;
import dev.filament.application.search.port.out.SearchMetrics;
import dev.filament.application.search.port.out.SearchMetrics.BatchOutcome;
import dev.filament.domain.error.FilamentException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one store call and reports it (SPEC 14.1 {@code search.index.batch}, 14.2): DEBUG for applied batches, INFO
 * for failed ones, nothing for idle calls. A store that throws instead of returning {@link BatchResult.Failed} is
 * reported the same way. Error details name the exception type only: driver messages can quote row values, and
 * message content must never reach the logs.
 */
final class BatchLog {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);

    private final SearchMetrics metrics;

    BatchLog(SearchMetrics metrics) {
        this.metrics = metrics;
    }

    BatchResult run(String kind, Supplier<BatchResult> batch) {
        long start = System.nanoTime();
        BatchResult result;
        try {
            result = batch.get();
        } catch (RuntimeException e) {
            result = new BatchResult.Failed(0, e);
        }
        long durationMs = (System.nanoTime() - start) / 1_000_000;
        switch (result) {
            case BatchResult.Idle idle -> { }
            case BatchResult.Indexed indexed -> {
                metrics.batchFinished(BatchOutcome.OK);
                LOG.atDebug().addKeyValue("event", "search.index.batch").addKeyValue("kind", kind)
                        .addKeyValue("rows", indexed.rows()).addKeyValue("duration_ms", durationMs)
                        .addKeyValue("outcome", BatchOutcome.OK.label()).log("search index batch applied");
            }
            case BatchResult.Failed failed -> {
                metrics.batchFinished(BatchOutcome.ERROR);
                LOG.atInfo().addKeyValue("event", "search.index.batch").addKeyValue("kind", kind)
                        .addKeyValue("rows", failed.rows()).addKeyValue("duration_ms", durationMs)
                        .addKeyValue("outcome", BatchOutcome.ERROR.label())
                        .addKeyValue("error", describe(failed.cause()))
                        .log("search index batch failed; rows keep their backoff");
            }
        }
        return result;
    }

    private static String describe(RuntimeException cause) {
        // FilamentException messages are ours and data-free (e.g. "unavailable: lock_timeout")
        return cause instanceof FilamentException f ? f.getMessage() : cause.getClass().getName();
    }
}
