package dev.filament.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The liveness probe of the database circuit (SPEC 2.2): {@code SELECT 1} every second on its own connection, outside
 * the pool so that load cannot starve it, with a 1 s bound on connecting and on the socket. Two failures in a row open
 * the {@link DatabaseCircuit}; a success closes it. Runs on one daemon thread; {@link #close()} stops it.
 */
public final class DatabaseLivenessProbe implements AutoCloseable {
    static final int FAILURES_TO_OPEN = 2;
    private static final Duration PERIOD = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseLivenessProbe.class);

    private final PostgresSettings settings;
    private final DatabaseCircuit circuit;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "db-liveness");
        t.setDaemon(true);
        return t;
    });
    private Connection connection; // only touched by the timer thread
    private int consecutiveFailures;

    private DatabaseLivenessProbe(PostgresSettings settings, DatabaseCircuit circuit) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.circuit = Objects.requireNonNull(circuit, "circuit");
    }

    /** Starts probing {@code settings}' server every second for {@code circuit}. */
    public static DatabaseLivenessProbe start(PostgresSettings settings, DatabaseCircuit circuit) {
        DatabaseLivenessProbe probe = new DatabaseLivenessProbe(settings, circuit);
        probe.timer.scheduleWithFixedDelay(probe::probe, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return probe;
    }

    /** One probe; package-private so tests can drive it without waiting for the timer. */
    void probe() {
        try {
            if (connection == null) {
                connection = connect();
            }
            try (Statement s = connection.createStatement()) {
                s.execute("select 1");
            }
            consecutiveFailures = 0;
            circuit.close();
        } catch (SQLException | RuntimeException e) {
            discardConnection();
            consecutiveFailures++;
            LOG.debug("database liveness probe failed ({} in a row)", consecutiveFailures, e);
            if (consecutiveFailures >= FAILURES_TO_OPEN) {
                circuit.open();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        if (!settings.user().isEmpty()) {
            props.setProperty("user", settings.user());
        }
        if (!settings.password().isEmpty()) {
            props.setProperty("password", settings.password());
        }
        props.setProperty("connectTimeout", "1");
        props.setProperty("loginTimeout", "1");
        props.setProperty("socketTimeout", "1");
        props.setProperty("ApplicationName", "filament-liveness");
        return DriverManager.getConnection(settings.jdbcUrl(), props);
    }

    private void discardConnection() {
        if (connection != null) {
            try {
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException ignored) {
                // the connection is dead either way
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        discardConnection();
    }
}
