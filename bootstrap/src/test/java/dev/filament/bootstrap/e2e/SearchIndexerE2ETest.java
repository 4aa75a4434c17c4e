package dev.filament.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.filament.application.shared.RequestBudget;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.search.port.out.NoopSearchMetrics;
import dev.filament.application.search.port.out.SearchCriteria;
import dev.filament.application.shared.testing.Eventually;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.search.SearchQuery;
import dev.filament.postgres.DataSourceFactory;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.search.JooqSearchIndexStore;
import dev.filament.postgres.search.JooqSearchOutbox;
import dev.filament.postgres.search.JooqSearchQuery;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import dev.filament.realtime.search.SearchIndexer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The search pipeline against PostgreSQL, wired as the server wires it (JooqSearchOutbox in the request's
 * transaction, wake() after commit, SearchIndexer over JooqSearchIndexStore on its own pool): a locked
 * {@code search_documents} never slows message writes, the backlog drains once the lock is gone, and a worker killed
 * mid-batch loses nothing that was committed.
 */
@ExtendWith(PostgresExtension.class)
class SearchIndexerE2ETest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final TestIds ids = new TestIds();
    private final TestDatabase db;
    private final RequestBudget budget = new RequestBudget();
    private final JooqUnitOfWork requests;
    private final JooqSearchOutbox outbox;
    private final HikariDataSource workerPool;
    private final JooqUnitOfWork workerUnitOfWork;
    private final List<SearchIndexer> indexers = new ArrayList<>();
    private Connection locker;
    private GuildId guild;
    private ChannelId channel;
    private String author;

    SearchIndexerE2ETest(TestDatabase db) {
        this.db = db;
        this.requests = JooqUnitOfWork.create(db.dataSource(), db.defaultSettings(), budget);
        this.outbox = new JooqSearchOutbox(requests, Clock.systemUTC());
        // the indexer's own pool; a 5 s lock bound so a batch outwaits the test's lock instead of failing on it
        var workerSettings = db.settings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5));
        this.workerPool = DataSourceFactory.create(workerSettings, c -> c.setMaximumPoolSize(2));
        this.workerUnitOfWork = JooqUnitOfWork.create(workerPool, workerSettings, new RequestBudget());
    }

    @BeforeEach
    void guildWithChannel() {
        author = ids.next();
        guild = new GuildId(ids.next());
        channel = new ChannelId(ids.next());
        DSLContext dsl = requests.dsl();
        dsl.execute("insert into users (user_id, username, password_hash, created_at) values (?, ?, 'x', now())",
                author, TestIds.uniqueUsername());
        dsl.execute("insert into guilds (guild_id, name, created_by_user_id, created_at) values (?, 'g', ?, now())",
                guild.value(), author);
        dsl.execute("insert into channels (channel_id, guild_id, name, created_at) values (?, ?, 'c', now())",
                channel.value(), guild.value());
    }

    @AfterEach
    void tearDown() throws SQLException {
        if (locker != null) {
            locker.rollback();
            locker.close();
        }
        indexers.forEach(SearchIndexer::close);
        workerPool.close();
    }

    @Test
    void aLockedDocumentsTableNeverSlowsMessageWrites_andTheBacklogDrainsAfterRelease() throws Exception {
        SearchIndexer indexer = startIndexer();
        lockDocuments();
        postMessage("first");
        Eventually.until("the indexer waits on the locked table", PATIENCE, this::indexerBlockedOnDocuments);

        long slowestMs = 0;
        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            postMessage("message " + i + " lorem");
            indexer.wake();
            slowestMs = Math.max(slowestMs, (System.nanoTime() - start) / 1_000_000);
        }

        assertThat(slowestMs).as("slowest write + wake while the indexer is stuck, far below the 2 s lock bound")
                .isLessThan(1_000);
        assertThat(documentsSeenByLocker()).as("nothing indexed while the table is locked").isZero();
        releaseLock();

        Eventually.until("the guild's backlog drains to zero", PATIENCE,
                () -> outboxRows() == 0 && documents() == 51);
        List<MessageId> found = new JooqSearchQuery(requests).find(new SearchCriteria(guild,
                SearchQuery.parse("lorem messag*"), Set.of(channel), Optional.empty(), 50));
        assertThat(found).hasSize(50);
    }

    @Test
    void aWorkerClosedMidBatchAndKilled_losesNothingCommitted() throws Exception {
        lockDocuments();
        for (int i = 0; i < 20; i++) {
            postMessage("before the crash " + i);
        }
        SearchIndexer first = startIndexer(new SearchIndexer.Settings(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(300)));
        Eventually.until("the first worker is inside its batch", PATIENCE, this::indexerBlockedOnDocuments);
        int blockedPid = blockedBackendPid();

        long start = System.nanoTime();
        first.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("close is bounded while the batch is stuck")
                .isLessThan(Duration.ofSeconds(2));
        requests.dsl().execute("select pg_terminate_backend(?)", blockedPid); // the crash: its transaction dies
        for (int i = 0; i < 5; i++) {
            postMessage("while no worker runs " + i);
        }
        releaseLock();

        startIndexer();

        Eventually.until("a new worker indexes everything committed", PATIENCE,
                () -> outboxRows() == 0 && documents() == 25);
    }

    private SearchIndexer startIndexer() {
        return startIndexer(SearchIndexer.Settings.defaults());
    }

    private SearchIndexer startIndexer(SearchIndexer.Settings settings) {
        SearchIndexer indexer = new SearchIndexer(new JooqSearchIndexStore(workerUnitOfWork, Clock.systemUTC()),
                new NoopSearchMetrics(), Clock.systemUTC(), settings);
        indexers.add(indexer);
        indexer.start();
        return indexer;
    }

    /** What message create does: message row and outbox row in one transaction under a request budget. */
    private void postMessage(String content) {
        try (RequestBudget.Budget b = budget.open(Duration.ofSeconds(10))) {
            requests.run(() -> {
                MessageId id = new MessageId(ids.next());
                requests.dsl().execute("insert into messages (message_id, guild_id, channel_id, author_id, content,"
                        + " created_at) values (?, ?, ?, ?, ?, now())",
                        id.value(), guild.value(), channel.value(), author, content);
                outbox.enqueueUpsert(guild, id);
            });
        }
    }

    private void lockDocuments() throws SQLException {
        locker = db.dataSource().getConnection();
        locker.setAutoCommit(false);
        try (Statement s = locker.createStatement()) {
            s.execute("LOCK TABLE search_documents IN ACCESS EXCLUSIVE MODE");
        }
    }

    private void releaseLock() throws SQLException {
        locker.rollback();
        locker.close();
        locker = null;
    }

    private boolean indexerBlockedOnDocuments() {
        return blockedBackendPid() != 0;
    }

    private int blockedBackendPid() {
        Integer pid = requests.dsl().resultQuery("select pid from pg_locks where not granted"
                + " and relation = 'search_documents'::regclass limit 1").fetchOne(0, Integer.class);
        return pid == null ? 0 : pid;
    }

    private int documentsSeenByLocker() throws SQLException {
        try (PreparedStatement s = locker.prepareStatement(
                "select count(*) from search_documents where guild_id = ?")) {
            s.setString(1, guild.value());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private int outboxRows() {
        return requests.dsl().resultQuery("select count(*)::int from search_outbox where guild_id = ?",
                guild.value()).fetchOne(0, Integer.class);
    }

    private int documents() {
        return requests.dsl().resultQuery("select count(*)::int from search_documents d join messages m"
                + " on m.message_id = d.message_id and m.revision = d.revision where d.guild_id = ?",
                guild.value()).fetchOne(0, Integer.class);
    }
}
