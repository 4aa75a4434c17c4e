package dev.filament.postgres;

import dev.filament.application.shared.RequestBudget;
import dev.filament.application.shared.RequestTimings;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.FilamentException;
import dev.filament.domain.error.RequestTimeoutException;
import dev.filament.domain.error.UnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL {@link UnitOfWork}: one jOOQ transaction per call, bound to the calling thread so repositories that
 * share {@link #dsl()} join it. Serialization failures and deadlocks are retried up to {@value #MAX_RETRIES} more times
 * while budget remains (SPEC 1.11 W4); database failures are translated here, once, into
 * {@link UnavailableException} (SPEC 2.2); a FilamentException from the work passes through unchanged, and anything
 * else propagates as it is.
 */
public final class JooqUnitOfWork implements UnitOfWork {
    static final int MAX_RETRIES = 2;
    private static final String CUT_TIMEOUTS =
            "select set_config('statement_timeout', ?, true), set_config('lock_timeout', ?, true)";
    private static final Logger LOG = LoggerFactory.getLogger(JooqUnitOfWork.class);

    private final DSLContext dsl;
    private final ThreadBoundConnections connections;
    private final Duration statementTimeout;
    private final Duration lockTimeout;
    private final RequestBudget budget;
    private final RequestTimings timings;
    private static final Duration DEFAULT_NETWORK_MARGIN = Duration.ofMillis(200);
    private final long networkMarginMs;
    private final DatabaseCircuit circuit; // null: no circuit (tests and tools)
    private final ThreadLocal<Boolean> inside = new ThreadLocal<>();

    /**
     * @param dsl              a context from {@link Jooq#dsl}: its transactions must be thread-bound
     * @param statementTimeout the pool's session statement_timeout (cut to the budget per transaction)
     * @param lockTimeout      the pool's session lock_timeout (cut likewise)
     */
    public JooqUnitOfWork(DSLContext dsl, Duration statementTimeout, Duration lockTimeout, RequestBudget budget) {
        this(dsl, statementTimeout, lockTimeout, budget, new RequestTimings());
    }

    /** As above, adding each transaction's time (pool wait and statements) to the request's {@code db} phase. */
    public JooqUnitOfWork(DSLContext dsl, Duration statementTimeout, Duration lockTimeout, RequestBudget budget,
                          RequestTimings timings) {
        this(dsl, statementTimeout, lockTimeout, budget, timings, DEFAULT_NETWORK_MARGIN, null);
    }

    private JooqUnitOfWork(DSLContext dsl, Duration statementTimeout, Duration lockTimeout, RequestBudget budget,
                           RequestTimings timings, Duration networkMargin, DatabaseCircuit circuit) {
        if (networkMargin.isNegative() || networkMargin.isZero()) {
            throw new IllegalArgumentException("networkMargin must be positive");
        }
        this.networkMarginMs = networkMargin.toMillis();
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        if (!Jooq.isThreadBound(dsl)) {
            throw new IllegalArgumentException("dsl must use thread-bound connections (see Jooq.dsl)");
        }
        this.connections = Jooq.connections(dsl);
        this.statementTimeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
        this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.timings = Objects.requireNonNull(timings, "timings");
        this.circuit = circuit;
    }

    /** A unit of work over its own {@link Jooq#dsl} of {@code dataSource}, with the bounds of {@code settings}. */
    public static JooqUnitOfWork create(DataSource dataSource, PostgresSettings settings, RequestBudget budget) {
        return create(dataSource, settings, budget, new RequestTimings());
    }

    public static JooqUnitOfWork create(DataSource dataSource, PostgresSettings settings, RequestBudget budget,
                                        RequestTimings timings) {
        return new JooqUnitOfWork(Jooq.dsl(dataSource), settings.statementTimeout(), settings.lockTimeout(), budget,
                timings);
    }

    /**
     * As above, guarded by {@code circuit} (SPEC 2.2): while it is open every transaction fails at once with 503
     * {@code unavailable} (kind {@code circuit_open}) without touching the pool; transactions report their outcome to
     * it; the connections they hold are the ones it aborts when it opens.
     */
    public static JooqUnitOfWork create(DataSource dataSource, PostgresSettings settings, RequestBudget budget,
                                        RequestTimings timings, DatabaseCircuit circuit) {
        Objects.requireNonNull(circuit, "circuit");
        return new JooqUnitOfWork(Jooq.dsl(dataSource, circuit::tracking), settings.statementTimeout(),
                settings.lockTimeout(), budget, timings, DEFAULT_NETWORK_MARGIN, circuit);
    }

    /**
     * This unit of work with another network margin (default 200 ms): how long the server gets, past a statement or
     * lock bound, to report its own timeout before the client drops the socket; twice the margin is kept free of the
     * request budget. A host whose database may be starved of CPU (a loaded test machine) widens it.
     */
    public JooqUnitOfWork withNetworkMargin(Duration margin) {
        return new JooqUnitOfWork(dsl, statementTimeout, lockTimeout, budget, timings, margin, circuit);
    }

    /** The context repositories use; inside {@link #inTransaction} its queries run in the open transaction. */
    public DSLContext dsl() {
        return dsl;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (inside.get() != null) {
            // nested call: join the open transaction; the outermost call owns commit, retries and translation
            return work.get();
        }
        inside.set(Boolean.TRUE);
        try {
            return timings.time(RequestTimings.Phase.DB, () -> guarded(() -> connections.inTransaction(() -> {
                cutTimeoutsToBudget();
                return work.get();
            }), MAX_RETRIES, true));
        } finally {
            inside.remove();
        }
    }

    /**
     * Read-only work without BEGIN/COMMIT: each statement runs in auto-commit on a connection borrowed for it alone
     * (none when the work is answered from memory), with the same circuit, budget and failure translation as a
     * transaction. Inside an open transaction it simply joins it.
     */
    @Override
    public <T> T read(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (inside.get() != null) {
            return work.get();
        }
        return timings.time(RequestTimings.Phase.DB, () -> guarded(work, 0, false));
    }

    /**
     * Runs {@code action} once the calling thread's transaction has ended (commit or rollback), before
     * {@link #inTransaction} returns; at once outside a transaction. Post-commit cache invalidation uses it.
     */
    public void afterTransaction(Runnable action) {
        connections.afterTransaction(action);
    }

    /** The guild-change notices of this unit of work's transactions (access-cache invalidation). */
    public GuildChanges guildChanges() {
        return connections.guildChanges();
    }

    private <T> T guarded(Supplier<T> attempt, int maxRetries, boolean commits) {
        for (int attempts = 0; ; attempts++) {
            if (circuit != null) {
                circuit.admit();
            }
            requireBudget();
            try {
                T result = attempt.get();
                if (commits) {
                    budget.markCommitted(); // SPEC 1.11 W3: from here on the request budget is not enforced
                }
                succeeded();
                return result;
            } catch (FilamentException e) {
                throw e;
            } catch (RuntimeException e) {
                SqlErrors.Kind kind = SqlErrors.classify(e);
                if (circuit != null) {
                    circuit.failed(kind, e);
                }
                if (kind.retryable() && attempts < maxRetries && budgetLeft()) {
                    LOG.debug("transaction attempt {} failed with {}, retrying", attempts + 1, kind.label());
                    continue;
                }
                if (kind.unavailable()) {
                    LOG.debug("database unavailable: {}", kind.label(), e);
                    throw UnavailableException.dependency(kind.label());
                }
                throw e;
            }
        }
    }

    private void succeeded() {
        if (circuit != null) {
            circuit.succeeded();
        }
    }

    private void requireBudget() {
        if (!budgetLeft()) {
            throw new RequestTimeoutException("request budget spent before the transaction started");
        }
    }

    private boolean budgetLeft() {
        return budget.remaining().map(r -> !r.isZero()).orElse(true);
    }

    /**
     * Bounds every wait of this transaction. When less budget remains than the session bounds, statement and lock
     * timeouts are lowered for this transaction only (is_local) to what remains minus two margins, so the server's
     * 503 comes before the request's 408. A frozen server enforces nothing, so the client also bounds each socket read
     * at one margin above the statement bound (local socket option, no round trip): the server's own timeout normally
     * fires first and keeps the connection; a stuck server gives a connection error (class 08, 503).
     */
    private void cutTimeoutsToBudget() {
        long statement = statementTimeout.toMillis();
        long lock = lockTimeout.toMillis();
        Optional<Duration> remaining = budget.remaining();
        boolean cut = false;
        if (remaining.isPresent()) {
            long usable = Math.max(1, remaining.get().toMillis() - 2 * networkMarginMs); // 0 = "no timeout"
            if (usable < statement || usable < lock) {
                statement = Math.min(statement, usable);
                lock = Math.min(lock, usable);
                cut = true;
            }
        }
        int network = (int) Math.min(Integer.MAX_VALUE, statement + networkMarginMs);
        dsl.connection(c -> c.setNetworkTimeout(Runnable::run, network));
        if (cut) {
            dsl.resultQuery(CUT_TIMEOUTS, String.valueOf(statement), String.valueOf(lock)).fetch();
        }
    }
}
