package dev.filament.application.search.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Contract every {@link SearchIndexStore} keeps (SPEC 10.2.3, 10.3), run by the fake and the PostgreSQL adapter. */
public abstract class SearchIndexStoreContract extends SearchContractSupport {

    @Test
    void upsertBatch_indexesTheCurrentContentAndRevisionThenDeletesItsRows() {
        GuildId g = h.newGuild();
        ChannelId c = h.newChannel(g);
        MessageId m = post(g, c, "first draft");
        h.editMessage(m, "final words");

        drain();

        assertThat(h.documentRevision(m)).contains(1);
        assertThat(h.outboxRows(g)).isEmpty();
        assertThat(search(g, "final", Set.of(c))).containsExactly(m);
        assertThat(search(g, "draft", Set.of(c))).isEmpty();
    }

    @Test
    void upsertBatch_skipsMessagesThatNoLongerExistAndDropsTheirDocuments() {
        GuildId g = h.newGuild();
        ChannelId c = h.newChannel(g);
        MessageId m = post(g, c, "short lived");
        drain();
        post(g, c, "unrelated");
        run(() -> h.outbox().enqueueUpsert(g, m));
        h.removeMessage(m);

        drain();

        assertThat(h.documentRevision(m)).isEmpty();
        assertThat(h.outboxRows(g)).isEmpty();
    }

    @Test
    void reapplyingTheSameMessageTwice_isHarmless() {
        GuildId g = h.newGuild();
        ChannelId c = h.newChannel(g);
        MessageId m = post(g, c, "twice");
        run(() -> h.outbox().enqueueUpsert(g, m));

        drain();

        assertThat(h.outboxRows(g)).isEmpty();
        assertThat(search(g, "twice", Set.of(c))).containsExactly(m);
    }

    @Test
    void due_reportsDueUpsertsAndDueRebuildsSeparately() {
        drain();
        assertThat(h.store().due()).isEqualTo(new SearchIndexStore.DueWork(false, false));
        GuildId g = h.newGuild();
        ChannelId c = h.newChannel(g);
        post(g, c, "due now");
        assertThat(h.store().due()).isEqualTo(new SearchIndexStore.DueWork(true, false));
        run(() -> h.outbox().enqueueRebuild(g));
        assertThat(h.store().due()).isEqualTo(new SearchIndexStore.DueWork(true, true));
        drain();
        assertThat(h.store().due()).isEqualTo(new SearchIndexStore.DueWork(false, false));
    }

    @Test
    void anUpsertBatch_claimsAtMost256Rows() {
        drain();
        GuildId g = h.newGuild();
        ChannelId c = h.newChannel(g);
        List<MessageId> messages = h.newMessages(g, c, 300, "bulk");
        run(() -> messages.forEach(m -> h.outbox().enqueueUpsert(g, m)));

        assertThat(h.store().indexDueUpserts()).isEqualTo(new BatchResult.Indexed(256));
        assertThat(h.outboxRows(g)).hasSize(44);
        assertThat(h.store().indexDueUpserts()).isEqualTo(new BatchResult.Indexed(44));
        assertThat(h.outboxRows(g)).isEmpty();
    }

    @Test
    void aFailedBatch_keepsItsRowsWithAttemptsAndExponentialBackoff() throws Exception {
        GuildId g = h.newGuild();
        ChannelId c = h.newChannel(g);
        MessageId m = post(g, c, "resilient");
        Instant t0 = h.clock().instant();

        try (AutoCloseable broken = h.breakIndexing()) {
            assertThat(h.store().indexDueUpserts()).isInstanceOf(BatchResult.Failed.class);
            assertThat(h.outboxRows(g)).singleElement().satisfies(row -> {
                assertThat(row.attempts()).isEqualTo(1);
                assertThat(row.nextAttemptAt()).isEqualTo(t0.plusSeconds(1));
            });
            h.clock().advance(Duration.ofSeconds(1));
            assertThat(h.store().indexDueUpserts()).isInstanceOf(BatchResult.Failed.class);
            assertThat(h.outboxRows(g)).singleElement().satisfies(row -> {
                assertThat(row.attempts()).isEqualTo(2);
                assertThat(row.nextAttemptAt()).isEqualTo(t0.plusSeconds(1 + 2));
            });
            h.setAttempts(g, 6);
            h.clock().advance(Duration.ofSeconds(2));
            assertThat(h.store().indexDueUpserts()).isInstanceOf(BatchResult.Failed.class);
            assertThat(h.outboxRows(g)).singleElement().satisfies(row -> {
                assertThat(row.attempts()).isEqualTo(7);
                assertThat(row.nextAttemptAt()).as("2^6 s capped at 60 s").isEqualTo(t0.plusSeconds(3 + 60));
            });
        }
        drain();
        assertThat(h.outboxRows(g)).as("not due yet: nothing claimed").hasSize(1);
        assertThat(h.documentRevision(m)).isEmpty();

        h.clock().advance(Duration.ofSeconds(60));
        drain();
        assertThat(h.outboxRows(g)).isEmpty();
        assertThat(h.documentRevision(m)).contains(0);
    }

    @Test
    void rebuild_replacesOnlyThatGuildsDocumentsAndThenDeletesItsRow() {
        GuildId g = h.newGuild();
        ChannelId c = h.newChannel(g);
        MessageId edited = post(g, c, "old text");
        MessageId gone = post(g, c, "gone");
        GuildId other = h.newGuild();
        MessageId otherGone = post(other, h.newChannel(other), "gone elsewhere");
        drain();
        h.editMessage(edited, "new text");
        MessageId unindexed = tx(() -> h.newMessage(g, c, "fresh"));
        h.removeMessage(gone);
        h.removeMessage(otherGone);

        assertThat(tx(() -> h.outbox().enqueueRebuild(g))).isTrue();
        drain();

        assertThat(h.documentRevision(edited)).contains(1);
        assertThat(h.documentRevision(unindexed)).contains(0);
        assertThat(h.documentRevision(gone)).isEmpty();
        assertThat(h.documentRevision(otherGone)).as("another guild's documents are not touched").contains(0);
        assertThat(h.outboxRows(g)).isEmpty();
    }

    @Test
    void rebuild_walksTheGuildInAscendingBatchesOf1000_deletingItsRowWithTheLast() {
        drain();
        GuildId g = h.newGuild();
        List<MessageId> messages = h.newMessages(g, h.newChannel(g), 2_001, "walk");
        run(() -> h.outbox().enqueueRebuild(g));

        assertThat(h.store().rebuildNextBatch()).isEqualTo(new BatchResult.Indexed(1_000));
        assertThat(h.outboxRows(g)).hasSize(1);
        assertThat(h.documentRevision(messages.get(999))).contains(0);
        assertThat(h.documentRevision(messages.get(1_000))).isEmpty();
        assertThat(h.store().rebuildNextBatch()).isEqualTo(new BatchResult.Indexed(1_000));
        assertThat(h.outboxRows(g)).hasSize(1);
        assertThat(h.store().rebuildNextBatch()).isEqualTo(new BatchResult.Indexed(1));
        assertThat(h.outboxRows(g)).isEmpty();
        assertThat(h.documentRevision(messages.get(2_000))).contains(0);
        assertThat(h.store().rebuildNextBatch()).isEqualTo(BatchResult.idle());
    }

    @Test
    void rebuild_ofAGuildWithoutMessages_finishesInOneStep() {
        drain();
        GuildId g = h.newGuild();
        run(() -> h.outbox().enqueueRebuild(g));

        assertThat(h.store().rebuildNextBatch()).isEqualTo(new BatchResult.Indexed(0));
        assertThat(h.outboxRows(g)).isEmpty();
    }

    @Test
    void backlog_countsWaitingRowsAndReportsTheOldest() {
        drain();
        SearchBacklog before = h.store().backlog();
        GuildId g = h.newGuild();
        ChannelId c = h.newChannel(g);
        Instant t0 = h.clock().instant();
        post(g, c, "one");
        post(g, c, "two");
        h.clock().advance(Duration.ofSeconds(5));
        post(g, c, "three");

        SearchBacklog during = h.store().backlog();
        assertThat(during.rows()).isEqualTo(before.rows() + 3);
        assertThat(during.oldestEnqueuedAt()).hasValueSatisfying(t -> assertThat(t).isBeforeOrEqualTo(t0));
        assertThat(during.oldestAgeSeconds(h.clock().instant())).isGreaterThanOrEqualTo(5);

        drain();
        assertThat(h.outboxRows(g)).isEmpty();
        assertThat(h.store().backlog().rows()).isLessThanOrEqualTo(during.rows() - 3);
    }
}
