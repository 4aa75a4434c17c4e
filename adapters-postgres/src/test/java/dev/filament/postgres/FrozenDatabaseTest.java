package dev.filament.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.filament.application.shared.RequestBudget;
import dev.filament.application.shared.testing.Eventually;
import dev.filament.domain.error.UnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A frozen server (SIGSTOP) enforces no timeout of its own: the client bound turns it into a fast 503. */
class FrozenDatabaseTest {

    @Test
    void aFrozenServerGivesAConnectionErrorWithinTheClientBoundAndRecoversAfterResume(@TempDir Path dir)
            throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"))) {
            PostgresSettings settings = db.settings(Duration.ofMillis(500), Duration.ofMillis(700),
                    Duration.ofMillis(500), Duration.ofSeconds(10));
            try (HikariDataSource pool = DataSourceFactory.create(settings)) {
                JooqUnitOfWork uow = JooqUnitOfWork.create(pool, settings, new RequestBudget());
                assertThat(uow.inTransaction(() -> uow.dsl().fetchValue("select 1"))).isEqualTo(1);

                List<ProcessHandle> postgres = ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().map(c -> c.contains(dir.toString())).orElse(false))
                        .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                        .toList(); // the postmaster names the data dir; the connection's backend is its child
                assertThat(postgres).isNotEmpty();
                signal("STOP", postgres);
                long start = System.nanoTime();
                try {
                    assertThatThrownBy(() -> uow.inTransaction(() -> uow.dsl().fetchValue("select 1")))
                            .isInstanceOf(UnavailableException.class);
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    assertThat(ms).as("bounded by the client, far below a 10 s budget").isLessThan(5_000);
                } finally {
                    signal("CONT", postgres);
                }
                assertThat(recovered(uow)).as("recovers").isEqualTo(2);
            }
        }
    }

    /** The first answer after the resume; the pool may need a fresh backend first, so retry for a bounded time. */
    private static Object recovered(JooqUnitOfWork uow) {
        return Eventually.retrying("the database answers again", Duration.ofSeconds(10), UnavailableException.class,
                () -> uow.inTransaction(() -> uow.dsl().fetchValue("select 2")));
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
        for (ProcessHandle p : processes) {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
            assertThat(kill.waitFor(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
