package dev.filament.realtime.search;

import dev.filament.application.search.NoopSearchMetrics;
import dev.filament.application.search.SearchIndexQueue;
import dev.filament.application.search.SearchIndexQueueContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

/** The indexer's {@code wake()} keeps the queue contract while its thread is stuck inside the store. */
class SearchIndexerQueueContractTest extends SearchIndexQueueContract {
    private final StuckSearchIndexStore stuck = new StuckSearchIndexStore(true);
    private SearchIndexer indexer;

    @Override
    protected SearchIndexQueue queue() {
        indexer = new SearchIndexer(stuck, new NoopSearchMetrics(), Clock.systemUTC());
        indexer.start();
        try {
            stuck.awaitEntered();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return indexer;
    }

    @AfterEach
    void stop() {
        stuck.release();
        indexer.close();
    }
}
