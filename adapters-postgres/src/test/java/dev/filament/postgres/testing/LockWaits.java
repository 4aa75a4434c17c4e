package dev.filament.postgres.testing;

import dev.filament.application.shared.testing.Eventually;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** Test helper: observes, from a separate connection, that a given backend is blocked waiting for a lock. */
public final class LockWaits {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private LockWaits() {
    }

    /** The backend pid of the connection {@code dsl} runs on (inside a transaction: that transaction's). */
    public static int backendPid(DSLContext dsl) {
        return dsl.resultQuery("select pg_backend_pid()").fetchOne(0, Integer.class);
    }

    /**
     * Returns once the backend whose pid another thread stores into {@code pid} (0 until then) waits for a lock;
     * fails after {@link #PATIENCE}.
     */
    public static void awaitBlockedOnLock(DataSource dataSource, AtomicInteger pid) {
        DSLContext probe = DSL.using(dataSource, SQLDialect.POSTGRES);
        Eventually.until("backend " + pid + " waits for a lock", PATIENCE, () -> pid.get() != 0
                && "Lock".equals(probe.resultQuery("select wait_event_type from pg_stat_activity where pid = ?",
                        pid.get()).fetchOptional(0, String.class).orElse(null)));
    }
}
