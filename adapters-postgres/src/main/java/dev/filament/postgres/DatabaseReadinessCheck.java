package dev.filament.postgres;

import dev.filament.application.shared.port.out.ReadinessCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness check {@code database} (SPEC 14.4): ok when {@code SELECT 1} answers within 1 s. The probe runs on its own
 * virtual thread and the caller waits at most the bound, so neither an exhausted pool (whose acquire timeout is
 * longer) nor a stalled server can hold the readiness answer; a late probe is interrupted.
 */
public final class DatabaseReadinessCheck implements ReadinessCheck {
    public static final Duration DEFAULT_BOUND = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseReadinessCheck.class);

    private final DataSource dataSource;
    private final Duration bound;
    private final BooleanSupplier circuitOpen;
    private final ExecutorService probes = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("db-readiness-", 0).factory());

    public DatabaseReadinessCheck(DataSource dataSource) {
        this(dataSource, DEFAULT_BOUND);
    }

    /** Also degraded while {@code circuit} is open; the probe only reports it (its failure does not open it). */
    public DatabaseReadinessCheck(DataSource dataSource, DatabaseCircuit circuit) {
        this(dataSource, DEFAULT_BOUND, circuit::isOpen);
    }

    public DatabaseReadinessCheck(DataSource dataSource, Duration bound) {
        this(dataSource, bound, () -> false);
    }

    private DatabaseReadinessCheck(DataSource dataSource, Duration bound, BooleanSupplier circuitOpen) {
        this.circuitOpen = Objects.requireNonNull(circuitOpen, "circuitOpen");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.bound = Objects.requireNonNull(bound, "bound");
        if (bound.toMillis() < 1) {
            throw new IllegalArgumentException("bound must be at least 1 ms, was " + bound);
        }
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Result check() {
        long start = System.nanoTime();
        Future<?> probe = probes.submit(() -> {
            selectOne();
            return null;
        });
        boolean ok;
        try {
            probe.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            ok = true;
        } catch (TimeoutException e) {
            probe.cancel(true);
            LOG.debug("database readiness probe exceeded {} ms", bound.toMillis());
            ok = false;
        } catch (ExecutionException e) {
            LOG.debug("database readiness probe failed", e.getCause());
            ok = false;
        } catch (InterruptedException e) {
            probe.cancel(true);
            Thread.currentThread().interrupt();
            ok = false;
        }
        long latencyMs = (System.nanoTime() - start) / 1_000_000;
        boolean open = circuitOpen.getAsBoolean();
        return new Result(ok && !open, DatabaseDetails.of(latencyMs, open));
    }

    private void selectOne() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // server-side bound as well, so an abandoned probe does not keep its connection busy
            s.setQueryTimeout((int) Math.max(1, (bound.toMillis() + 999) / 1000));
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new SQLException("SELECT 1 returned no 1");
                }
            }
        }
    }
}
