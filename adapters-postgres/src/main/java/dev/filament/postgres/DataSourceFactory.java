package dev.filament.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the one HikariCP pool of the server (SPEC 2.2): at most {@value PostgresSettings#POOL_SIZE} connections,
 * acquire bounded by the acquire timeout, and every connection created with the statement, lock and
 * idle-in-transaction timeouts already set, so no request pays a round trip for them.
 */
public final class DataSourceFactory {
    public static final String POOL_NAME = "filament";
    /** HikariCP rejects acquire timeouts below 250 ms. */
    private static final Duration HIKARI_MIN_TIMEOUT = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger(DataSourceFactory.class);
    /**
     * HikariCP validates a borrowed connection idle for longer than this (500 ms by default) with an extra round trip
     * (pgjdbc's isValid runs an empty query). A connection broken while idle is also caught by Hikari's keepalive and
     * by the request that meets it (503, circuit), so the pool only re-validates after 30 s of idleness.
     */
    static final String ALIVE_BYPASS_WINDOW_MS = "30000";

    static {
        // read once when HikariPool is first constructed; an explicit -D setting wins
        System.getProperties().putIfAbsent("com.zaxxer.hikari.aliveBypassWindowMs", ALIVE_BYPASS_WINDOW_MS);
    }

    private DataSourceFactory() {
    }

    public static HikariDataSource create(PostgresSettings settings) {
        return create(settings, config -> { });
    }

    /**
     * @param customizer last say over the configuration before the pool starts, e.g. the bootstrap's metrics tracker
     *                   ({@code setMetricsTrackerFactory}); it must not undo the bounds set here
     */
    public static HikariDataSource create(PostgresSettings settings, Consumer<HikariConfig> customizer) {
        HikariDataSource ds = new HikariDataSource(config(settings, customizer));
        LOG.info("database pool {} started: {}", POOL_NAME, settings);
        return ds;
    }

    static HikariConfig config(PostgresSettings settings, Consumer<HikariConfig> customizer) {
        HikariConfig c = new HikariConfig();
        c.setPoolName(POOL_NAME);
        c.setJdbcUrl(settings.jdbcUrl());
        if (!settings.user().isEmpty()) {
            c.setUsername(settings.user());
        }
        if (!settings.password().isEmpty()) {
            c.setPassword(settings.password());
        }
        c.setMaximumPoolSize(settings.poolSize());
        Duration acquire = atLeastHikariMinimum(settings.acquireTimeout());
        c.setConnectionTimeout(acquire.toMillis());
        c.setValidationTimeout(Math.min(acquire.toMillis(), Duration.ofSeconds(5).toMillis()));
        // text binds to inet/cidr/jsonb columns without explicit casts (jOOQ maps those types to Object/String)
        c.addDataSourceProperty("stringtype", "unspecified");
        c.addDataSourceProperty("ApplicationName", "filament");
        // client-side bounds for a server that stops answering: connecting within the acquire bound, and no socket
        // read past the statement bound (the unit of work tightens this per transaction)
        c.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, (acquire.toMillis() + 999) / 1000)));
        c.addDataSourceProperty("socketTimeout",
                String.valueOf(Math.max(1, (settings.statementTimeout().toMillis() + 1999) / 1000)));
        c.setConnectionInitSql(sessionSettingsSql(settings));
        customizer.accept(c);
        return c;
    }

    /** The per-connection session settings; a plain SET survives until the connection closes. */
    static String sessionSettingsSql(PostgresSettings s) {
        return "SET statement_timeout = " + s.statementTimeout().toMillis()
                + "; SET lock_timeout = " + s.lockTimeout().toMillis()
                + "; SET idle_in_transaction_session_timeout = " + s.requestTimeout().toMillis();
    }

    private static Duration atLeastHikariMinimum(Duration acquire) {
        if (acquire.compareTo(HIKARI_MIN_TIMEOUT) >= 0) {
            return acquire;
        }
        LOG.warn("acquire timeout {} ms is below HikariCP's minimum; using {} ms",
                acquire.toMillis(), HIKARI_MIN_TIMEOUT.toMillis());
        return HIKARI_MIN_TIMEOUT;
    }
}
