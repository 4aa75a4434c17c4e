package dev.filament.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.filament.application.shared.port.out.ReadinessCheck;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
@SuppressWarnings("try") // try-with-resources used for scopes and held connections
class DatabaseReadinessCheckTest {

    @Test
    void answeringDatabase_isOkWithItsLatency(DataSource dataSource) {
        // a wide bound: this test is about the answer, not the bound (the next one is)
        DatabaseReadinessCheck check = new DatabaseReadinessCheck(dataSource, Duration.ofSeconds(5));

        ReadinessCheck.Result result = check.check();

        assertThat(check.name()).isEqualTo("database");
        assertThat(result.ok()).isTrue();
        ReadinessCheck.DatabaseDetails details = (ReadinessCheck.DatabaseDetails) result.details();
        assertThat(details.circuit()).isEqualTo("closed");
        assertThat(details.latencyMs()).isBetween(0L, 5_000L);
    }

    @Test
    void exhaustedPool_isDegradedWithinTheBound(TestDatabase db) throws SQLException {
        try (HikariDataSource pool = DataSourceFactory.create(
                db.settings(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(2)),
                c -> c.setMaximumPoolSize(1));
             Connection ignored = pool.getConnection()) {
            DatabaseReadinessCheck check = new DatabaseReadinessCheck(pool, Duration.ofMillis(300));

            long start = System.nanoTime();
            ReadinessCheck.Result result = check.check();

            assertThat(result.ok()).isFalse();
            assertThat((System.nanoTime() - start) / 1_000_000).as("at the bound, not the 3 s acquire timeout")
                    .isLessThan(2_500);
            assertThat(((ReadinessCheck.DatabaseDetails) result.details()).latencyMs()).isGreaterThanOrEqualTo(300L);
        }
    }

    @Test
    void closedPool_isDegradedNotThrown(TestDatabase db) {
        HikariDataSource pool = DataSourceFactory.create(db.defaultSettings());
        pool.close();

        ReadinessCheck.Result result = new DatabaseReadinessCheck(pool).check();

        assertThat(result.ok()).isFalse();
        assertThat(result.details()).isInstanceOf(ReadinessCheck.DatabaseDetails.class);
    }
}
