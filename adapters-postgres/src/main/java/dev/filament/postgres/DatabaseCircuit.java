package dev.filament.postgres;

import dev.filament.domain.error.UnavailableException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database circuit of SPEC 2.2, on a Resilience4j circuit breaker: 5 consecutive connection-level failures
 * (SQLSTATE class 08) or pool acquire timeouts open it, any success resets the count, other failures neither count nor
 * reset; the {@link DatabaseLivenessProbe} opens it after 2 failed probes and alone closes it again. While open,
 * {@link #admit()} refuses database work at once, without touching the pool; on opening, the pooled connections in use
 * are aborted, so requests stuck on a dead server answer 503 now instead of at their statement bound.
 *
 * <p>Thread-safe; never blocks.
 */
public final class DatabaseCircuit {
    static final int FAILURES_TO_OPEN = 5;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCircuit.class);

    private final CircuitBreaker breaker;
    private final Set<Connection> inUse = ConcurrentHashMap.newKeySet();
    private final Executor aborts = runnable -> Thread.ofVirtual().name("db-abort").start(runnable);

    public DatabaseCircuit() {
        breaker = CircuitBreaker.of("database", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(FAILURES_TO_OPEN)
                .minimumNumberOfCalls(FAILURES_TO_OPEN)
                .failureRateThreshold(100) // a full window of failures: 5 in a row
                // only the liveness probe closes the circuit: no request is ever let through half-open
                .waitDurationInOpenState(Duration.ofDays(365))
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .writableStackTraceEnabled(false)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> {
            boolean open = event.getStateTransition().getToState() == CircuitBreaker.State.OPEN;
            LOG.atWarn().addKeyValue("event", "db.circuit").addKeyValue("state", open ? "open" : "closed")
                    .log(open ? "database circuit opened" : "database circuit closed");
            if (open) {
                abortConnectionsInUse();
            }
        });
    }

    /** Refuses database work while open: 503 {@code unavailable}, kind {@code circuit_open}, within microseconds. */
    public void admit() {
        if (isOpen()) {
            throw UnavailableException.dependency("circuit_open");
        }
    }

    public boolean isOpen() {
        return breaker.getState() == CircuitBreaker.State.OPEN;
    }

    /** A transaction or statement reached the database and it answered. */
    void succeeded() {
        if (!isOpen()) {
            breaker.onSuccess(0, TimeUnit.NANOSECONDS);
        }
    }

    /** A unit of work failed with {@code kind}; only connection failures and acquire timeouts count. */
    void failed(SqlErrors.Kind kind, Throwable cause) {
        if ((kind == SqlErrors.Kind.CONNECTION || kind == SqlErrors.Kind.ACQUIRE_TIMEOUT) && !isOpen()) {
            breaker.onError(0, TimeUnit.NANOSECONDS, cause);
        }
    }

    /** The liveness probe failed twice in a row. */
    void open() {
        if (!isOpen()) {
            breaker.transitionToOpenState();
        }
    }

    /** The liveness probe answered: the database is back. */
    void close() {
        if (breaker.getState() != CircuitBreaker.State.CLOSED) {
            breaker.transitionToClosedState();
        }
    }

    /** A jOOQ connection provider that remembers which pooled connections are in use, to abort them on opening. */
    ConnectionProvider tracking(ConnectionProvider delegate) {
        return new ConnectionProvider() {
            @Override
            public Connection acquire() throws DataAccessException {
                Connection connection = delegate.acquire();
                inUse.add(connection);
                return connection;
            }

            @Override
            public void release(Connection connection) throws DataAccessException {
                inUse.remove(connection);
                delegate.release(connection);
            }
        };
    }

    private void abortConnectionsInUse() {
        List<Connection> stuck = List.copyOf(inUse);
        for (Connection connection : stuck) {
            try {
                connection.abort(aborts); // closes the socket: the waiting statement fails with class 08 now
            } catch (SQLException | RuntimeException e) {
                LOG.debug("could not abort a pooled connection", e);
            }
        }
        if (!stuck.isEmpty()) {
            LOG.atInfo().addKeyValue("event", "db.circuit.aborted").addKeyValue("connections", stuck.size())
                    .log("aborted pooled connections in use");
        }
    }
}
