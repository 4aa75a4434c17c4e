package dev.filament.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class DataSourceFactoryTest {

    @Test
    void everyConnection_startsWithTheConfiguredBounds(TestDatabase db) throws SQLException {
        PostgresSettings settings = new PostgresSettings(db.jdbcUrl(), db.user(), db.password(),
                Duration.ofMillis(700), Duration.ofMillis(1_234), Duration.ofMillis(321), Duration.ofSeconds(7));
        try (HikariDataSource pool = DataSourceFactory.create(settings);
             Connection c = pool.getConnection()) {
            assertThat(show(c, "statement_timeout")).isEqualTo("1234ms");
            assertThat(show(c, "lock_timeout")).isEqualTo("321ms");
            assertThat(show(c, "idle_in_transaction_session_timeout")).isEqualTo("7s");
            assertThat(pool.getMaximumPoolSize()).isEqualTo(10);
            assertThat(pool.getConnectionTimeout()).isEqualTo(700);
            assertThat(pool.getPoolName()).isEqualTo("filament");
        }
    }

    @Test
    void textBinds_reachInetColumnsWithoutCasts(TestDatabase db) throws SQLException {
        try (HikariDataSource pool = DataSourceFactory.create(db.defaultSettings());
             Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("select ?::cidr >>= ?")) {
            s.setString(1, "10.0.0.0/8");
            s.setString(2, "10.1.2.3");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).isTrue();
            }
        }
    }

    @Test
    void tooShortAcquireTimeout_isRaisedToHikarisMinimumInsteadOfItsDefault(TestDatabase db) {
        try (HikariDataSource pool = DataSourceFactory.create(
                db.settings(Duration.ofMillis(5), Duration.ofSeconds(5), Duration.ofSeconds(2)))) {
            assertThat(pool.getConnectionTimeout()).isEqualTo(250);
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
