package dev.filament.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.filament.application.shared.RequestBudget;
import dev.filament.application.shared.RequestTimings;
import dev.filament.application.shared.port.out.ReadinessCheck;
import dev.filament.application.shared.testing.Eventually;
import dev.filament.domain.error.UnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 2.2's database circuit against a frozen PostgreSQL (SIGSTOP): the liveness probe opens it, the request already
 * waiting is aborted long before its own 8 s statement bound, later requests are refused at once without the pool,
 * readiness says so, and the circuit closes by itself once the server runs again.
 */
class DatabaseCircuitFreezeTest {
    /** Far above an admission check, far below any wait on the dead database. */
    private static final Duration REFUSED_AT_ONCE = Duration.ofSeconds(1);

    @Test
    void aFrozenDatabaseOpensTheCircuitRequestsFailFastAndItClosesAfterTheResume(@TempDir Path dir) throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"))) {
            PostgresSettings settings = db.settings(Duration.ofSeconds(2), Duration.ofSeconds(8),
                    Duration.ofSeconds(2), Duration.ofSeconds(10));
            DatabaseCircuit circuit = new DatabaseCircuit();
            try (HikariDataSource pool = DataSourceFactory.create(settings);
                 DatabaseLivenessProbe probe = DatabaseLivenessProbe.start(settings, circuit)) {
                JooqUnitOfWork uow = JooqUnitOfWork.create(pool, settings, new RequestBudget(), new RequestTimings(),
                        circuit);
                DatabaseReadinessCheck readiness = new DatabaseReadinessCheck(pool, circuit);
                assertThat(selectOne(uow)).isEqualTo(1);
                assertThat(readiness.check().ok()).isTrue();

                List<ProcessHandle> postgres = postgresProcesses(dir);
                signal("STOP", postgres);
                try {
                    long start = System.nanoTime();
                    assertThatThrownBy(() -> selectOne(uow)).isInstanceOf(UnavailableException.class);
                    assertThat(Duration.ofNanos(System.nanoTime() - start))
                            .as("aborted when the probe opened the circuit, not at the 8.2 s client bound")
                            .isLessThan(Duration.ofMillis(6_500));
                    awaitOpen(circuit);

                    for (int i = 0; i < 20; i++) {
                        long t = System.nanoTime();
                        assertThatThrownBy(() -> selectOne(uow)).isInstanceOfSatisfying(UnavailableException.class,
                                e -> assertThat(e.kind()).isEqualTo("circuit_open"));
                        assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(REFUSED_AT_ONCE);
                    }
                    var report = readiness.check();
                    assertThat(report.ok()).isFalse();
                    assertThat(report.details()).isInstanceOfSatisfying(ReadinessCheck.DatabaseDetails.class,
                            d -> assertThat(d.circuit()).isEqualTo("open"));
                } finally {
                    signal("CONT", postgres);
                }
                long resumed = System.nanoTime();
                assertThat(recovered(uow)).isEqualTo(1);
                assertThat(Duration.ofNanos(System.nanoTime() - resumed)).isLessThan(Duration.ofSeconds(10));
                assertThat(circuit.isOpen()).isFalse();
            }
        }
    }

    private static Object selectOne(JooqUnitOfWork uow) {
        return uow.inTransaction(() -> uow.dsl().fetchValue("select 1"));
    }

    private static void awaitOpen(DatabaseCircuit circuit) {
        Eventually.until("the circuit opens", Duration.ofSeconds(10), circuit::isOpen);
    }

    private static Object recovered(JooqUnitOfWork uow) {
        return Eventually.retrying("the database answers again", Duration.ofSeconds(10), UnavailableException.class,
                () -> selectOne(uow));
    }

    private static List<ProcessHandle> postgresProcesses(Path dir) {
        List<ProcessHandle> postgres = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dir.toString())).orElse(false))
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .toList(); // the postmaster names the data dir; the connections' backends are its children
        assertThat(postgres).isNotEmpty();
        return postgres;
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
        for (ProcessHandle p : processes) {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
            assertThat(kill.waitFor(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
