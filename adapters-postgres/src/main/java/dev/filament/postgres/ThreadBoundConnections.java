package dev.filament.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection provider of every repository context: inside {@link #inTransaction} a query runs on the connection
 * bound to the calling thread; outside one it borrows a pooled connection in auto-commit (a single-statement read
 * pays no BEGIN/COMMIT). Transactions are driven on the JDBC connection directly, never through jOOQ's
 * {@code DefaultTransactionProvider}: that one asks the driver for the isolation level on every transaction, which
 * pgjdbc answers with a {@code SHOW TRANSACTION ISOLATION LEVEL} round trip. Here a transaction costs its statements
 * plus BEGIN (sent by the driver together with the first statement) and COMMIT; an empty one costs nothing.
 */
final class ThreadBoundConnections implements ConnectionProvider {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadBoundConnections.class);
    private final ConnectionProvider pool;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> afterwards = new ThreadLocal<>();
    private final GuildChanges guildChanges = new GuildChanges(this);

    ThreadBoundConnections(ConnectionProvider pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public Connection acquire() throws DataAccessException {
        Connection connection = bound.get();
        return connection != null ? connection : pool.acquire();
    }

    @Override
    public void release(Connection connection) throws DataAccessException {
        if (connection != bound.get()) {
            pool.release(connection);
        }
    }

    GuildChanges guildChanges() {
        return guildChanges;
    }

    /** Whether a transaction is bound to the calling thread. */
    boolean isBound() {
        return bound.get() != null;
    }

    /**
     * Runs {@code action} on this thread once the bound transaction has ended (committed or rolled back), before
     * {@link #inTransaction} returns or throws; at once when no transaction is bound (the write auto-committed). An
     * action that throws is logged and does not stop the others.
     */
    void afterTransaction(Runnable action) {
        List<Runnable> actions = afterwards.get();
        if (actions == null) {
            runQuietly(action);
        } else {
            actions.add(action);
        }
    }

    /**
     * Runs {@code work} in one transaction on one pooled connection bound to this thread: commit when it returns,
     * rollback when it throws (the failure propagates unchanged). A failed commit throws a DataAccessException
     * carrying the driver's SQLException (so its SQLSTATE can be classified).
     */
    <T> T inTransaction(Supplier<T> work) {
        if (bound.get() != null) {
            throw new IllegalStateException("a transaction is already bound to this thread");
        }
        Connection connection = pool.acquire();
        List<Runnable> actions = new ArrayList<>();
        try {
            bound.set(connection);
            afterwards.set(actions);
            connection.setAutoCommit(false); // no round trip: pgjdbc sends BEGIN with the first statement
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            }
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollbackQuietly(connection, e);
            throw new DataAccessException("transaction failed: " + e.getMessage(), e);
        } finally {
            bound.remove();
            afterwards.remove();
            restoreAutoCommit(connection);
            pool.release(connection);
            actions.forEach(ThreadBoundConnections::runQuietly);
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.error("after-transaction action failed", e);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback(); // no round trip when nothing ran
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true); // after commit or rollback the driver is idle: no round trip
        } catch (SQLException | RuntimeException e) {
            // a broken connection: the pool evicts it on release
        }
    }
}
