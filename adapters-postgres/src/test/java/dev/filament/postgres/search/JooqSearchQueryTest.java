package dev.filament.postgres.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.search.port.out.SearchCriteria;
import dev.filament.application.search.port.out.SearchHarness;
import dev.filament.application.search.port.out.SearchQueryPortContract;
import dev.filament.domain.error.UnavailableException;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.search.SearchLexeme;
import dev.filament.domain.search.SearchQuery;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class JooqSearchQueryTest extends SearchQueryPortContract {
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
    void aStatementTimeout_surfacesAsUnavailable_withAndWithoutATransaction() throws Exception {
        GuildId g = h.newGuild();
        ChannelId c = h.newChannel(g);
        SearchCriteria criteria = new SearchCriteria(g, SearchQuery.parse("anything"), Set.of(c), Optional.empty(), 5);
        try (SearchPool impatient = SearchPool.withBounds(database, Duration.ofMillis(300), Duration.ofSeconds(5));
             Connection locker = database.dataSource().getConnection()) {
            JooqSearchQuery queries = new JooqSearchQuery(impatient.unitOfWork);
            locker.setAutoCommit(false);
            try (Statement s = locker.createStatement()) {
                s.execute("LOCK TABLE search_documents IN ACCESS EXCLUSIVE MODE");
            }
            long start = System.nanoTime();
            assertThatThrownBy(() -> queries.find(criteria))
                    .isInstanceOfSatisfying(UnavailableException.class,
                            e -> assertThat(e.kind()).isEqualTo("statement_timeout"));
            assertThatThrownBy(() -> impatient.unitOfWork.inTransaction(() -> queries.find(criteria)))
                    .isInstanceOfSatisfying(UnavailableException.class,
                            e -> assertThat(e.kind()).isEqualTo("statement_timeout"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            locker.rollback();
            assertThat(queries.find(criteria)).as("answers again once the lock is gone").isEmpty();
        }
    }

    @Test
    void operandsAreQuotedTsqueryTokens() {
        assertThat(TsQueries.operand(SearchLexeme.exact("über"))).isEqualTo("'über'");
        assertThat(TsQueries.operand(SearchLexeme.prefix("abc1"))).isEqualTo("'abc1':*");
    }
}
