package dev.filament.postgres;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned Flyway migrations from the classpath ({@code db/migration}, SPEC 12) before the server opens
 * its port. Any failure stops startup: it is thrown as {@link IllegalStateException}, never swallowed.
 */
public final class Migrations {
    public static final String LOCATION = "classpath:db/migration";
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /** Migrates to the latest version; returns how many migrations were applied now. */
    public static int migrate(DataSource dataSource) {
        long start = System.nanoTime();
        MigrateResult result;
        try {
            result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .failOnMissingLocations(true)
                    .validateMigrationNaming(true)
                    .cleanDisabled(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new IllegalStateException("database migration failed: " + e.getMessage(), e);
        }
        if (!result.success) {
            throw new IllegalStateException("database migration failed: " + String.join("; ", result.warnings));
        }
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info("database schema at version {} ({} migration(s) applied in {} ms)", version,
                result.migrationsExecuted, (System.nanoTime() - start) / 1_000_000);
        return result.migrationsExecuted;
    }
}
