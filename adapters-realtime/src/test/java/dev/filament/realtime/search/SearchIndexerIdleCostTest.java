package dev.filament.realtime.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.search.port.out.BatchResult;
import dev.filament.application.search.port.out.InMemorySearchHarness;
import dev.filament.application.search.port.out.RecordingSearchMetrics;
import dev.filament.application.search.port.out.SearchBacklog;
import dev.filament.application.search.port.out.SearchIndexStore;
import dev.filament.application.shared.testing.Eventually;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #11 item 4: an idle indexer costs one cheap store call per loop (the due probe, or the backlog read when it
 * is due and finds the outbox empty), and never claims rebuilds unless a rebuild row is due.
 */
class SearchIndexerIdleCostTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration NEVER = Duration.ofHours(1);
    private final InMemorySearchHarness h = new InMemorySearchHarness();
    private final Counting store = new Counting(h.store());
    private SearchIndexer indexer;

    @AfterEach
    void stop() {
        indexer.close();
    }

    private void start(Duration backlogEvery) {
        indexer = new SearchIndexer(store, new RecordingSearchMetrics(), h.clock(), new SearchIndexer.Settings(
                NEVER, Duration.ofMillis(10), Duration.ofMillis(50), backlogEvery, Duration.ofMillis(200)));
        indexer.start();
    }

    /** Wakes the indexer {@code loops} times, one loop at a time, and returns the store calls they made. */
    private List<String> callsOf(int loops) {
        Eventually.until("the first loop", PATIENCE, () -> !store.calls.isEmpty());
        int before = store.calls.size();
        for (int i = 1; i <= loops; i++) {
            int expected = before + i;
            h.clock().advance(Duration.ofMillis(10)); // lets a 1 ms backlog interval come due
            indexer.wake();
            Eventually.until("loop " + i, PATIENCE, () -> store.calls.size() >= expected);
        }
        return List.copyOf(store.calls.subList(before, store.calls.size()));
    }

    @Test
    void anIdleLoopIsOneDueProbe() {
        start(NEVER);
        assertThat(callsOf(5)).containsExactly("due", "due", "due", "due", "due");
    }

    @Test
    void anIdleLoopThatReadsTheBacklogAndFindsItEmptyMakesNoOtherCall() {
        start(Duration.ofMillis(1));
        assertThat(callsOf(5)).containsOnly("backlog").hasSize(5);
    }

    @Test
    void aPostIsOneProbeAndOneUpsertBatchWithoutAnyRebuildClaim() {
        start(NEVER);
        callsOf(1);
        GuildId g = h.newGuild();
        ChannelId c = h.newChannel(g);
        int before = store.calls.size();
        MessageId m = h.unitOfWork().inTransaction(() -> {
            MessageId id = h.newMessage(g, c, "hello");
            h.outbox().enqueueUpsert(g, id);
            return id;
        });
        indexer.wake();
        Eventually.until("indexed", PATIENCE, () -> h.documentRevision(m).isPresent()
                && store.calls.size() >= before + 2);
        assertThat(store.calls.subList(before, store.calls.size())).containsExactly("due", "upsert");
    }

    /** Records each call by name. */
    private static final class Counting implements SearchIndexStore {
        final List<String> calls = new CopyOnWriteArrayList<>();
        private final SearchIndexStore store;

        Counting(SearchIndexStore store) {
            this.store = store;
        }

        @Override
        public BatchResult indexDueUpserts() {
            BatchResult r = store.indexDueUpserts();
            calls.add("upsert");
            return r;
        }

        @Override
        public BatchResult rebuildNextBatch() {
            BatchResult r = store.rebuildNextBatch();
            calls.add("rebuild");
            return r;
        }

        @Override
        public SearchBacklog backlog() {
            SearchBacklog r = store.backlog();
            calls.add("backlog");
            return r;
        }

        @Override
        public DueWork due() {
            DueWork r = store.due();
            calls.add("due");
            return r;
        }
    }
}
