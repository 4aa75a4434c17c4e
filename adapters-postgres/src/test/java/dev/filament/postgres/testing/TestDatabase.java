package dev.filament.postgres.testing;

import dev.filament.postgres.PostgresSettings;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The per-JVM test database of {@link PostgresExtension}: where it is and a shared, migrated pool (the SPEC 13
 * default bounds). Tests that need other bounds build their own pool from {@link #settings}.
 */
public record TestDatabase(String jdbcUrl, String user, String password, DataSource dataSource) {

    /** Settings for this database with the given bounds (request timeout 10 s). */
    public PostgresSettings settings(Duration acquireTimeout, Duration statementTimeout, Duration lockTimeout) {
        return new PostgresSettings(jdbcUrl, user, password, acquireTimeout, statementTimeout, lockTimeout,
                Duration.ofSeconds(10));
    }

    /** Settings with the SPEC 13 defaults (acquire 2 s, statement 5 s, lock 2 s, request 10 s). */
    public PostgresSettings defaultSettings() {
        return settings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    @Override
    public String toString() {
        return "TestDatabase[" + jdbcUrl + ", user=" + user + "]";
    }
}
