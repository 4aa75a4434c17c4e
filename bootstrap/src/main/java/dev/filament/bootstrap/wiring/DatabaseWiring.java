package dev.filament.bootstrap.wiring;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.filament.application.shared.RequestBudget;
import dev.filament.application.shared.RequestTimings;
import dev.filament.bootstrap.config.ServerConfig;
import dev.filament.postgres.DataSourceFactory;
import dev.filament.postgres.DatabaseCircuit;
import dev.filament.postgres.DatabaseLivenessProbe;
import dev.filament.postgres.DatabaseReadinessCheck;
import dev.filament.postgres.EmbeddedDatabase;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.Migrations;
import dev.filament.postgres.PostgresSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The database: embedded by default or external by URL, pooled, migrated before the port opens. */
public final class DatabaseWiring {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseWiring.class);

    private DatabaseWiring() {
    }

    /** The started database: whether it is the embedded one, its pool, the unit of work over it and its check. */
    public record Database(boolean embedded, HikariDataSource dataSource, JooqUnitOfWork unitOfWork,
                           DatabaseReadinessCheck readiness) {
    }

    public static Database start(ServerConfig config, RequestBudget budget, RequestTimings timings,
                                 MeterRegistry meters, Lifecycle lifecycle) {
        PostgresSettings settings;
        if (config.databaseUrl().isPresent()) {
            settings = PostgresSettings.fromUrl(config.databaseUrl().get(), config.dbAcquireTimeout(),
                    config.dbStatementTimeout(), config.dbLockTimeout(), config.requestTimeout());
        } else {
            LOG.atInfo().addKeyValue("event", "db.embedded.starting")
                    .addKeyValue("data_dir", config.dataDir().resolve("postgres").toString())
                    .log("starting embedded PostgreSQL");
            EmbeddedDatabase db = lifecycle.own(EmbeddedDatabase.start(config.dataDir().resolve("postgres")));
            settings = db.settings(config.dbAcquireTimeout(), config.dbStatementTimeout(), config.dbLockTimeout(),
                    config.requestTimeout());
        }
        HikariDataSource ds = lifecycle.own(DataSourceFactory.create(settings,
                hc -> hc.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters))));
        int applied = Migrations.migrate(ds);
        LOG.atInfo().addKeyValue("event", "db.migrated").addKeyValue("applied", applied).log("migrations applied");
        DatabaseCircuit circuit = new DatabaseCircuit();
        Gauge.builder("filament.db.circuit.open", circuit, c -> c.isOpen() ? 1 : 0).strongReference(true)
                .description("1 while the database circuit (SPEC 2.2) is open").register(meters);
        lifecycle.own(DatabaseLivenessProbe.start(settings, circuit));
        return new Database(config.databaseUrl().isEmpty(), ds,
                JooqUnitOfWork.create(ds, settings, budget, timings, circuit), new DatabaseReadinessCheck(ds, circuit));
    }
}
