package dev.filament.realtime.search;

import dev.filament.application.search.port.out.NoopSearchMetrics;
import dev.filament.application.search.port.out.SearchIndexQueue;
import dev.filament.application.search.port.out.SearchIndexQueueContract;
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
