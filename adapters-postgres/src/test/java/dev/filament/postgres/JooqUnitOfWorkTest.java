package dev.filament.postgres;

import static dev.filament.postgres.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.filament.application.shared.RequestBudget;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.RequestTimeoutException;
import dev.filament.domain.error.UnavailableException;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.SqlViolations;
import dev.filament.postgres.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

@ExtendWith(PostgresExtension.class)
@SuppressWarnings("try") // try-with-resources used for scopes and held connections
class JooqUnitOfWorkTest {
    private final RequestBudget budget = new RequestBudget();
    private DataSource dataSource;
    private JooqUnitOfWork uow;

    @BeforeEach
    void setUp(TestDatabase db) {
        dataSource = db.dataSource();
        uow = JooqUnitOfWork.create(dataSource, db.defaultSettings(), budget);
    }

    @Test
    void committedWork_isVisibleToOtherConnections() throws SQLException {
        String user = uow.inTransaction(() -> Rows.user(uow.dsl()));

        assertThat(existsViaOwnConnection(user)).isTrue();
    }

    @Test
    void repositoryQueries_joinTheOpenTransaction() {
        String user = Rows.id();

        boolean[] seen = new boolean[2];
        uow.run(() -> {
            Rows.user(uow.dsl(), user, "join_" + user.substring(0, 12));
            seen[0] = Rows.userExists(uow.dsl(), user);
            seen[1] = uncheckedExistsViaOwnConnection(user);
        });

        assertThat(seen[0]).as("same transaction sees its write").isTrue();
        assertThat(seen[1]).as("other connection must not see uncommitted write").isFalse();
    }

    @Test
    void failingWork_rollsBackAndRethrowsTheSameException() throws SQLException {
        String user = Rows.id();
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> uow.run(() -> {
            Rows.user(uow.dsl(), user, "rb_" + user.substring(0, 12));
            throw boom;
        })).isSameAs(boom);

        assertThat(existsViaOwnConnection(user)).isFalse();
    }

    @Test
    void filamentException_passesThroughUnchangedAndRollsBack() throws SQLException {
        String user = Rows.id();
        ConflictException conflict = ConflictException.quotaExceeded("guild");

        assertThatThrownBy(() -> uow.run(() -> {
            Rows.user(uow.dsl(), user, "fx_" + user.substring(0, 12));
            throw conflict;
        })).isSameAs(conflict);

        assertThat(existsViaOwnConnection(user)).isFalse();
    }

    @Test
    void nestedUnitOfWork_joinsTheOuterTransaction() throws SQLException {
        String user = Rows.id();

        assertThatThrownBy(() -> uow.run(() -> {
            uow.run(() -> Rows.user(uow.dsl(), user, "nest_" + user.substring(0, 12)));
            throw new IllegalStateException("outer fails after inner returned");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(existsViaOwnConnection(user)).isFalse();
    }

    @Test
    void serializationFailure_isRetriedOnAFreshTransaction() throws SQLException {
        String user = Rows.id();
        AtomicInteger attempts = new AtomicInteger();

        String result = uow.inTransaction(() -> {
            // same primary key on every attempt: a leftover of attempt 1 would make attempt 2 fail
            Rows.user(uow.dsl(), user, "retry_" + user.substring(0, 12));
            if (attempts.incrementAndGet() == 1) {
                throw sqlFailure(PSQLState.SERIALIZATION_FAILURE);
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(2);
        assertThat(existsViaOwnConnection(user)).isTrue();
    }

    @Test
    void persistentDeadlock_givesUpAfterTwoRetriesAsUnavailable() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> uow.run(() -> {
            attempts.incrementAndGet();
            throw sqlFailure(PSQLState.DEADLOCK_DETECTED);
        })).isInstanceOfSatisfying(UnavailableException.class, e -> {
            assertThat(e.code()).isEqualTo("unavailable");
            assertThat(e.kind()).isEqualTo("deadlock");
        });
        assertThat(attempts).hasValue(3);
    }

    @Test
    void otherSqlErrors_propagateUntranslatedWithoutRetry() {
        String name = "dup_" + Rows.id().substring(0, 12);
        Rows.user(uow.dsl(), Rows.id(), name);
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> uow.run(() -> {
            attempts.incrementAndGet();
            Rows.user(uow.dsl(), Rows.id(), name);
        })).isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(SqlViolations.isUniqueViolation(e)).isTrue());
        assertThat(attempts).hasValue(1);
    }

    @Test
    void spentBudget_failsBeforeTouchingTheDatabase() {
        AtomicInteger attempts = new AtomicInteger();

        try (RequestBudget.Budget ignored = budget.open(Duration.ZERO)) {
            assertThatThrownBy(() -> uow.run(attempts::incrementAndGet))
                    .isInstanceOf(RequestTimeoutException.class);
        }
        assertThat(attempts).hasValue(0);
    }

    @Test
    void heldRowLock_failsFastAsLockTimeout(TestDatabase db) throws SQLException {
        String user = Rows.user(uow.dsl());
        PostgresSettings settings = db.settings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(200));
        try (HikariDataSource pool = DataSourceFactory.create(settings);
             Connection holder = dataSource.getConnection()) {
            JooqUnitOfWork shortLocks = JooqUnitOfWork.create(pool, settings, budget);
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select 1 from users where user_id = ? for update")) {
                lock.setString(1, user);
                lock.executeQuery().close();
            }

            long start = System.nanoTime();
            assertThatThrownBy(() -> shortLocks.run(() -> shortLocks.dsl().update(USERS)
                    .set(USERS.ABOUT_MARKDOWN, "locked").where(USERS.USER_ID.eq(user)).execute()))
                    .isInstanceOfSatisfying(UnavailableException.class,
                            e -> assertThat(e.kind()).isEqualTo("lock_timeout"));
            assertThat(elapsedMs(start)).isLessThan(2_000);
            holder.rollback();
        }
        assertThat(uow.dsl().fetchValue(USERS.ABOUT_MARKDOWN, USERS.USER_ID.eq(user))).isEqualTo("");
    }

    @Test
    void slowStatement_failsAsStatementTimeout_andThePoolStaysUsable(TestDatabase db) {
        PostgresSettings settings = db.settings(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(2));
        try (HikariDataSource pool = DataSourceFactory.create(settings, c -> c.setMaximumPoolSize(1))) {
            // a wide network margin, so a timeout the server reports late on a loaded machine is still its own
            JooqUnitOfWork shortStatements = JooqUnitOfWork.create(pool, settings, budget)
                    .withNetworkMargin(Duration.ofSeconds(2));

            long start = System.nanoTime();
            assertThatThrownBy(() -> shortStatements.run(() -> shortStatements.dsl().execute("select pg_sleep(10)")))
                    .isInstanceOfSatisfying(UnavailableException.class,
                            e -> assertThat(e.kind()).isEqualTo("statement_timeout"));
            assertThat(elapsedMs(start)).as("cut at the timeout, not the 10 s sleep").isLessThan(5_000);
            assertThat(shortStatements.inTransaction(() -> shortStatements.dsl().fetchValue("select 1"))).isEqualTo(1);
        }
    }

    @Test
    void exhaustedPool_failsAsAcquireTimeout(TestDatabase db) throws SQLException {
        try (HikariDataSource pool = DataSourceFactory.create(
                db.settings(Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(2)),
                c -> c.setMaximumPoolSize(1));
             Connection taken = pool.getConnection()) {
            JooqUnitOfWork starved = JooqUnitOfWork.create(pool, db.defaultSettings(), budget);
            AtomicInteger attempts = new AtomicInteger();

            long start = System.nanoTime();
            assertThatThrownBy(() -> starved.run(attempts::incrementAndGet))
                    .isInstanceOfSatisfying(UnavailableException.class,
                            e -> assertThat(e.kind()).isEqualTo("acquire_timeout"));
            assertThat(elapsedMs(start)).isLessThan(2_000);
            assertThat(attempts).hasValue(0);
        }
    }

    @Test
    void lostConnection_failsAsConnectionUnavailable(TestDatabase db) {
        try (HikariDataSource pool = DataSourceFactory.create(db.defaultSettings(), c -> c.setMaximumPoolSize(1))) {
            JooqUnitOfWork doomed = JooqUnitOfWork.create(pool, db.defaultSettings(), budget);

            assertThatThrownBy(() -> doomed.run(() -> doomed.dsl().execute("select pg_terminate_backend(pg_backend_pid())")))
                    .isInstanceOfSatisfying(UnavailableException.class,
                            e -> assertThat(e.kind()).isEqualTo("connection"));
            assertThat(doomed.inTransaction(() -> doomed.dsl().fetchValue("select 1"))).isEqualTo(1);
        }
    }

    @Test
    void shortBudget_cutsTheStatementTimeout() {
        JooqUnitOfWork patient = uow.withNetworkMargin(Duration.ofSeconds(2)); // as in the test above
        long start = System.nanoTime();
        try (RequestBudget.Budget ignored = budget.open(Duration.ofMillis(300))) {
            assertThatThrownBy(() -> patient.run(() -> patient.dsl().execute("select pg_sleep(10)")))
                    .isInstanceOfSatisfying(UnavailableException.class,
                            e -> assertThat(e.kind()).isEqualTo("statement_timeout"));
        }
        assertThat(elapsedMs(start)).as("cut at the timeout, not the 10 s sleep").isLessThan(5_000);
    }

    @Test
    void budgetCut_lastsOnlyForItsTransaction(TestDatabase db) {
        try (HikariDataSource pool = DataSourceFactory.create(db.defaultSettings(), c -> c.setMaximumPoolSize(1))) {
            JooqUnitOfWork single = JooqUnitOfWork.create(pool, db.defaultSettings(), budget);
            int cut;
            try (RequestBudget.Budget ignored = budget.open(Duration.ofMillis(1_500))) {
                cut = single.inTransaction(() -> statementTimeout(single));
            }
            int after = single.inTransaction(() -> statementTimeout(single));
            int roomyBudget;
            try (RequestBudget.Budget ignored = budget.open(Duration.ofSeconds(9))) {
                roomyBudget = single.inTransaction(
                        () -> statementTimeout(single));
            }

            assertThat(cut).isBetween(1, 1_500);
            assertThat(after).isEqualTo(5_000);
            assertThat(roomyBudget).isEqualTo(5_000);
        }
    }

    /** In milliseconds always ({@code SHOW} would print 1000 ms as "1s"). */
    private static int statementTimeout(JooqUnitOfWork uow) {
        return uow.dsl().resultQuery("select setting::int from pg_settings where name = 'statement_timeout'")
                .fetchOne(0, Integer.class);
    }

    private static DataAccessException sqlFailure(PSQLState state) {
        return new DataAccessException("simulated", new PSQLException("simulated " + state.getState(), state));
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private boolean uncheckedExistsViaOwnConnection(String userId) {
        try {
            return existsViaOwnConnection(userId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean existsViaOwnConnection(String userId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select 1 from users where user_id = ?")) {
            s.setString(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
