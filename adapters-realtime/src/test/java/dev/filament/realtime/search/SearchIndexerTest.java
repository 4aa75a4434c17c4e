package dev.filament.realtime.search;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.filament.application.search.port.out.BatchResult;
import dev.filament.application.search.port.out.InMemorySearchHarness;
import dev.filament.application.search.port.out.RecordingSearchMetrics;
import dev.filament.application.search.port.out.SearchBacklog;
import dev.filament.application.search.port.out.SearchIndexStore;
import dev.filament.application.search.port.out.SearchMetrics.BatchOutcome;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import dev.filament.application.shared.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

class SearchIndexerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration NEVER = Duration.ofHours(1);

    private final InMemorySearchHarness h = new InMemorySearchHarness();
    private final RecordingSearchMetrics metrics = new RecordingSearchMetrics();
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(SearchIndexer.class);
    private GuildId g;
    private ChannelId c;

    @BeforeEach
    void setUp() {
        g = h.newGuild();
        c = h.newChannel(g);
        logs.start();
        logger.addAppender(logs);
        logger.setLevel(Level.DEBUG);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : cleanup.reversed()) {
            c.close();
        }
        logger.detachAppender(logs);
        logger.setLevel(null);
    }

    private SearchIndexer started(SearchIndexStore store, Duration poll) {
        return started(store, poll, Duration.ofMillis(200));
    }

    private SearchIndexer started(SearchIndexStore store, Duration poll, Duration closeTimeout) {
        SearchIndexer indexer = new SearchIndexer(store, metrics, h.clock(), new SearchIndexer.Settings(
                poll, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(1), closeTimeout));
        cleanup.add(indexer);
        indexer.start();
        return indexer;
    }

    private MessageId post(String content) {
        return h.unitOfWork().inTransaction(() -> {
            MessageId m = h.newMessage(g, c, content);
            h.outbox().enqueueUpsert(g, m);
            return m;
        });
    }

    private boolean indexed(MessageId m) {
        return h.documentRevision(m).isPresent();
    }

    @Test
    void givenABacklogAtStartup_itIsDrainedWithoutAnyWake() {
        MessageId first = post("before start");
        MessageId second = post("also before start");
        h.unitOfWork().run(() -> h.outbox().enqueueRebuild(g));

        started(h.store(), NEVER);

        Eventually.until("the backlog is drained", PATIENCE, () -> h.outboxRows(g).isEmpty());
        assertThat(indexed(first) && indexed(second)).isTrue();
    }

    @Test
    void aWake_makesTheWaitingIndexerRunAtOnce() {
        SearchIndexer indexer = started(h.store(), NEVER);
        Eventually.until("the first drain is over", PATIENCE, () -> metrics.observations() > 0);
        MessageId m = post("woken");

        indexer.wake();

        Eventually.until("the woken indexer indexed the message", PATIENCE, () -> indexed(m));
    }

    @Test
    void withoutAWake_thePollStillFindsNewWork() {
        started(h.store(), Duration.ofMillis(20));
        Eventually.until("the first drain is over", PATIENCE, () -> metrics.observations() > 0);
        MessageId m = post("lost wake");

        Eventually.until("the poll indexed the message", PATIENCE, () -> indexed(m));
    }

    @Test
    void failedBatches_areRetriedWithBackoffAndTheThreadSurvives() throws Exception {
        MessageId m = post("stubborn");
        try (AutoCloseable broken = h.breakIndexing()) {
            started(h.store(), Duration.ofMillis(20));
            Eventually.until("a failure was counted", PATIENCE, () -> metrics.batches(BatchOutcome.ERROR) >= 1);
            assertThat(h.outboxRows(g)).singleElement().satisfies(r -> assertThat(r.attempts()).isEqualTo(1));
        }
        assertThat(indexed(m)).isFalse();

        h.clock().advance(Duration.ofSeconds(1)); // the row's backoff

        Eventually.until("the retried batch indexed the message", PATIENCE, () -> indexed(m));
        assertThat(h.outboxRows(g)).isEmpty();
        // the store commits before BatchLog counts the batch, so the count can trail the indexed document
        Eventually.until("the ok batch was counted", PATIENCE, () -> metrics.batches(BatchOutcome.OK) >= 1);
    }

    @Test
    void aStoreThatThrows_evenAnError_doesNotStopTheThread() {
        AtomicInteger calls = new AtomicInteger();
        SearchIndexStore throwing = new SearchIndexStore() {
            @Override
            public BatchResult indexDueUpserts() {
                return switch (calls.incrementAndGet()) {
                    case 1 -> throw new IllegalStateException("bug in the store");
                    case 2 -> throw new AssertionError("not a VirtualMachineError");
                    default -> h.store().indexDueUpserts();
                };
            }

            @Override
            public BatchResult rebuildNextBatch() {
                return h.store().rebuildNextBatch();
            }

            @Override
            public SearchBacklog backlog() {
                return h.store().backlog();
            }
        };
        MessageId m = post("survivor");

        started(throwing, Duration.ofMillis(20));

        Eventually.until("the message is indexed after the throws", PATIENCE, () -> indexed(m));
        assertThat(calls.get()).isGreaterThanOrEqualTo(3);
        assertThat(metrics.batches(BatchOutcome.ERROR)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void whileTheStoreIsStuck_wakesStayInstantAndCloseReturnsWithinItsBound() throws Exception {
        StuckSearchIndexStore stuck = new StuckSearchIndexStore(false);
        cleanup.add(stuck::release);
        SearchIndexer indexer = started(stuck, Duration.ofMillis(20));
        stuck.awaitEntered();

        long start = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            indexer.wake();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a wake never waits for the stuck store")
                .isLessThan(Duration.ofSeconds(2));

        start = System.nanoTime();
        indexer.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("close waits at most its 200 ms bound for a stuck thread").isLessThan(Duration.ofSeconds(2));
        assertThat(logged()).anySatisfy(e -> assertThat(field(e, "event")).contains("search.indexer.stop_timeout"));
    }

    @Test
    void close_stopsAnIdleIndexerPromptly() {
        // a stop bound far above scheduling delay: an idle thread that close() wakes ends well within it
        Duration closeTimeout = Duration.ofSeconds(5);
        SearchIndexer indexer = started(h.store(), NEVER, closeTimeout);
        Eventually.until("the first drain is over", PATIENCE, () -> metrics.observations() > 0);

        long start = System.nanoTime();
        indexer.close();

        // the log proves close did not run into its stop bound; the time only separates "returned" from "stuck"
        // (an indexer that missed the close would sleep out its 1 h poll interval)
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(closeTimeout);
        assertThat(logged()).noneSatisfy(e -> assertThat(field(e, "event")).contains("search.indexer.stop_timeout"));
    }

    @Test
    void batchesAreLoggedWithRowsDurationAndOutcome_debugWhenOkInfoOnError() throws Exception {
        post("one");
        post("two");
        post("three");
        started(h.store(), Duration.ofMillis(20));
        Eventually.until("an ok batch was logged", PATIENCE, () -> !batchEvents("ok").isEmpty());

        ILoggingEvent ok = batchEvents("ok").get(0);
        assertThat(ok.getLevel()).isEqualTo(Level.DEBUG);
        assertThat(field(ok, "rows")).contains(3);
        assertThat(field(ok, "duration_ms")).hasValueSatisfying(v -> assertThat((Long) v).isNotNegative());
        MessageId m;

        try (AutoCloseable broken = h.breakIndexing()) {
            m = post("four");
            Eventually.until("an error batch was logged", PATIENCE, () -> !batchEvents("error").isEmpty());
        }
        ILoggingEvent error = batchEvents("error").get(0);
        assertThat(field(error, "error")).isPresent();
        assertThat(error.getLevel()).isEqualTo(Level.INFO);
        assertThat(field(error, "rows")).contains(1);
        assertThat(error.getFormattedMessage() + error.getKeyValuePairs()).doesNotContain("four");
        assertThat(indexed(m)).isFalse();
    }

    @Test
    void theBacklogIsObservedForTheGauges() throws Exception {
        post("waiting");
        h.clock().advance(Duration.ofSeconds(7));
        try (AutoCloseable broken = h.breakIndexing()) {
            started(h.store(), Duration.ofMillis(20));
            Eventually.until("the backlog was observed", PATIENCE, () -> metrics.observations() > 0);
            assertThat(metrics.backlog()).isEqualTo(1);
            assertThat(metrics.lagSeconds()).isEqualTo(7);
        }
    }

    private List<ILoggingEvent> batchEvents(String outcome) {
        return logged().stream()
                .filter(e -> field(e, "event").filter("search.index.batch"::equals).isPresent())
                .filter(e -> field(e, "outcome").filter(outcome::equals).isPresent())
                .toList();
    }

    /** A copy of the events so far, taken under the lock AppenderBase.doAppend holds (the appender itself). */
    private List<ILoggingEvent> logged() {
        synchronized (logs) {
            return List.copyOf(logs.list);
        }
    }

    private static Optional<Object> field(ILoggingEvent e, String key) {
        List<KeyValuePair> kvs = e.getKeyValuePairs();
        return kvs == null ? Optional.empty()
                : kvs.stream().filter(kv -> kv.key.equals(key)).map(kv -> kv.value).findFirst();
    }
}
