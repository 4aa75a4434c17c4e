package dev.filament.realtime.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.port.out.ReadinessCheck.Result;
import dev.filament.application.shared.port.out.ReadinessCheck.SearchIndexerDetails;
import dev.filament.application.search.port.out.BatchResult;
import dev.filament.application.search.port.out.InMemorySearchHarness;
import dev.filament.application.search.port.out.NoopSearchMetrics;
import dev.filament.application.search.port.out.SearchBacklog;
import dev.filament.application.search.port.out.SearchIndexStore;
import dev.filament.domain.id.GuildId;
import dev.filament.application.shared.testing.Eventually;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SearchReadinessCheckTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration MAX_LAG = Duration.ofSeconds(60);
    /** Probe bound for checks that expect the backlog answered: the probe's fresh virtual thread can start late. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(5);
    /** Probe bound for the stuck-probe test, whose point is answering within it. */
    private static final Duration STUCK_BOUND = Duration.ofMillis(100);

    private final InMemorySearchHarness h = new InMemorySearchHarness();
    private final AtomicLong heartbeat = new AtomicLong(5);

    private SearchReadinessCheck check(SearchIndexStore store) {
        return new SearchReadinessCheck(store, heartbeat::get, MAX_LAG, h.clock(), ANSWER_BOUND);
    }

    private void enqueueOne() {
        GuildId g = h.newGuild();
        h.unitOfWork().run(() -> h.outbox().enqueueUpsert(g, h.newMessage(g, h.newChannel(g), "x")));
    }

    @Test
    void isNamedSearchIndexer() {
        assertThat(check(h.store()).name()).isEqualTo("search_indexer");
    }

    @Test
    void okWhileTheOldestRowIsAtMostMaxLagOld_degradedBeyond() {
        enqueueOne();
        enqueueOne();
        h.clock().advance(MAX_LAG);

        Result atLimit = check(h.store()).check();
        assertThat(atLimit.ok()).isTrue();
        assertThat(atLimit.details()).isEqualTo(details(2, 60, 5));

        h.clock().advance(Duration.ofSeconds(1));
        Result late = check(h.store()).check();
        assertThat(late.ok()).isFalse();
        assertThat(late.details()).isEqualTo(details(2, 61, 5));
    }

    @Test
    void anEmptyBacklogWithAFreshHeartbeat_isOk() {
        InMemorySearchHarness empty = new InMemorySearchHarness();
        Result r = new SearchReadinessCheck(empty.store(), heartbeat::get, MAX_LAG, empty.clock(),
                ANSWER_BOUND).check();
        assertThat(r.ok()).isTrue();
        assertThat(r.details()).isEqualTo(details(0, 0, 5));
    }

    @Test
    void aHeartbeatOlderThanTenSeconds_orNoneYet_isDegraded() {
        heartbeat.set(10_000);
        assertThat(check(h.store()).check().ok()).isTrue();
        heartbeat.set(10_001);
        assertThat(check(h.store()).check().ok()).isFalse();
        heartbeat.set(-1);
        Result never = check(h.store()).check();
        assertThat(never.ok()).isFalse();
        assertThat(((SearchIndexerDetails) never.details()).heartbeatAgeMs()).isEqualTo(-1L);
    }

    @Test
    void aStuckBacklogQuery_answersDegradedWithinTheBound_withoutPilingUpProbes() {
        StuckSearchIndexStore stuck = new StuckSearchIndexStore(true);
        try {
            SearchReadinessCheck check = new SearchReadinessCheck(stuck, heartbeat::get, MAX_LAG, h.clock(),
                    STUCK_BOUND);
            long start = System.nanoTime();
            Result first = check.check();
            Result second = check.check();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));

            assertThat(first.ok()).isFalse();
            assertThat(first.details()).isEqualTo(details(-1, -1, 5));
            assertThat(second.ok()).isFalse();
            // the one probe's virtual thread may not have started within the two short bounds
            Eventually.until("the probe reached the store", PATIENCE, () -> stuck.backlogCalls() >= 1);
            assertThat(stuck.backlogCalls()).as("the second check waits on the first probe").isEqualTo(1);
        } finally {
            stuck.release();
        }
    }

    @Test
    void aFailingBacklogQuery_isDegraded() {
        SearchIndexStore failing = new SearchIndexStore() {
            @Override
            public BatchResult indexDueUpserts() {
                return BatchResult.idle();
            }

            @Override
            public BatchResult rebuildNextBatch() {
                return BatchResult.idle();
            }

            @Override
            public SearchBacklog backlog() {
                throw new IllegalStateException("database gone");
            }
        };
        Result r = check(failing).check();
        assertThat(r.ok()).isFalse();
        assertThat(((SearchIndexerDetails) r.details()).backlog()).isEqualTo(-1L);
    }

    @Test
    void anIndexerStuckInABatch_stopsTickingAndTurnsTheCheckDegraded() throws Exception {
        StuckSearchIndexStore stuck = new StuckSearchIndexStore(false);
        try (SearchIndexer indexer = new SearchIndexer(stuck, new NoopSearchMetrics(), h.clock())) {
            SearchReadinessCheck check = new SearchReadinessCheck(stuck, indexer::heartbeatAgeMillis, MAX_LAG,
                    h.clock(), ANSWER_BOUND);
            indexer.start();
            stuck.awaitEntered();
            assertThat(check.check().ok()).isTrue();

            h.clock().advance(Duration.ofSeconds(11));

            Result r = check.check();
            assertThat(r.ok()).isFalse();
            assertThat(((SearchIndexerDetails) r.details()).heartbeatAgeMs()).isGreaterThanOrEqualTo(11_000L);
            stuck.release();
        }
    }

    private static SearchIndexerDetails details(long backlog, long oldestAge, long heartbeatAge) {
        return new SearchIndexerDetails(backlog, oldestAge, heartbeatAge);
    }
}
