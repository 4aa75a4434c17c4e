package dev.filament.postgres.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.search.port.out.BatchResult;
import dev.filament.application.search.port.out.SearchHarness;
import dev.filament.application.search.port.out.SearchIndexStoreContract;
import dev.filament.application.shared.testing.Eventually;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class JooqSearchIndexStoreTest extends SearchIndexStoreContract {
    private static SearchPool pool;
    private static TestDatabase database;

    @BeforeAll
    static void openPool(TestDatabase db) {
        database = db;
        pool = SearchPool.shortLocks(db);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Override
    protected SearchHarness harness() {
        return new PostgresSearchHarness(pool);
    }

    @Test
    void rowsLockedByAnotherIndexer_areSkippedNotAwaited() throws Exception {
        GuildId held = h.newGuild();
        MessageId heldMessage = post(held, h.newChannel(held), "held back");
        GuildId free = h.newGuild();
        ChannelId freeChannel = h.newChannel(free);
        MessageId freeMessage = post(free, freeChannel, "goes through");
        try (Connection otherIndexer = database.dataSource().getConnection()) {
            otherIndexer.setAutoCommit(false);
            try (PreparedStatement claim = otherIndexer.prepareStatement(
                    "select outbox_id from search_outbox where guild_id = ? for update")) {
                claim.setString(1, held.value());
                claim.executeQuery().close();
            }

            long start = System.nanoTime();
            drain();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no lock wait (a wait would fail the batch, which drain() rejects)")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(h.documentRevision(freeMessage)).contains(0);
            assertThat(h.documentRevision(heldMessage)).isEmpty();
            assertThat(h.outboxRows(held)).singleElement().satisfies(r -> assertThat(r.attempts()).isZero());
            otherIndexer.rollback();
        }
        drain();
        assertThat(h.documentRevision(heldMessage)).contains(0);
        assertThat(h.outboxRows(held)).isEmpty();
    }

    @Test
    void aNewerDocumentIsNeverReplacedByAnOlderRevision() {
        GuildId g = h.newGuild();
        ChannelId c = h.newChannel(g);
        MessageId m = post(g, c, "stale content");
        pool.unitOfWork.dsl().execute("insert into search_documents"
                + " (message_id, guild_id, channel_id, revision, tsv, indexed_at)"
                + " values (?, ?, ?, 5, to_tsvector('simple', 'newer content'), now())",
                m.value(), g.value(), c.value());

        drain();

        assertThat(h.documentRevision(m)).contains(5);
        assertThat(search(g, "newer", Set.of(c))).containsExactly(m);
        assertThat(h.outboxRows(g)).isEmpty();
    }

    @Test
    void aMessageDeleteInFlight_makesTheBatchWaitAndSkipTheMessage() throws Exception {
        GuildId g = h.newGuild();
        ChannelId c = h.newChannel(g);
        MessageId m = post(g, c, "delete me");
        // default 2 s lock bound: the batch must outwait the delete, not fail on it
        try (SearchPool patient = SearchPool.withBounds(database, Duration.ofSeconds(5), Duration.ofSeconds(2));
             Connection deleter = database.dataSource().getConnection()) {
            JooqSearchIndexStore store = new JooqSearchIndexStore(patient.unitOfWork, Clock.systemUTC());
            deleter.setAutoCommit(false);
            try (PreparedStatement delete = deleter.prepareStatement("delete from messages where message_id = ?")) {
                delete.setString(1, m.value());
                delete.executeUpdate();
            }
            CompletableFuture<BatchResult> batch = CompletableFuture.supplyAsync(store::indexDueUpserts);
            awaitBlockedOnMessages();
            try (PreparedStatement dropDocument = deleter.prepareStatement(
                    "delete from search_documents where message_id = ?")) {
                dropDocument.setString(1, m.value());
                dropDocument.executeUpdate();
            }
            deleter.commit();

            assertThat(batch.get(5, TimeUnit.SECONDS)).isInstanceOf(BatchResult.Indexed.class);
        }
        assertThat(h.documentRevision(m)).as("no document written back for a deleted message").isEmpty();
        assertThat(h.outboxRows(g)).isEmpty();
    }

    private static void awaitBlockedOnMessages() {
        Eventually.until("the batch waits for the deleting transaction", Duration.ofSeconds(5), () -> {
            Integer waiting = DSL.using(database.dataSource(), org.jooq.SQLDialect.POSTGRES).resultQuery(
                    "select count(*)::int from pg_stat_activity where wait_event_type = 'Lock'"
                            + " and query ilike '%for key share%'").fetchOne(0, Integer.class);
            return waiting != null && waiting > 0;
        });
    }
}
