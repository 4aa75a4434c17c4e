package dev.filament.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default database when {@code FILAMENT_DATABASE_URL} is unset (SPEC 13): a PostgreSQL server run by this process
 * (zonky binaries) on a free loopback port, keeping its data in {@code {FILAMENT_DATA_DIR}/postgres} across restarts.
 * Runs as root too (zonky drops privileges through a user namespace). Closing stops the server and keeps the data.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres server;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    /** Starts the server on {@code dataDirectory}, initialising it on first use; blocks until it accepts queries. */
    public static EmbeddedDatabase start(Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Path dir = dataDirectory.toAbsolutePath().normalize();
        boolean fresh = !Files.exists(dir.resolve("PG_VERSION"));
        LOG.info("starting embedded PostgreSQL in {} ({})", dir, fresh ? "new data directory" : "existing data");
        long start = System.nanoTime();
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    // zonky tunes for throw-away test databases (-F); this one holds real data
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
            LOG.info("embedded PostgreSQL ready on localhost:{} in {} ms", server.getPort(),
                    (System.nanoTime() - start) / 1_000_000);
            return new EmbeddedDatabase(server, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL failed to start in " + dir, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    /** Trust authentication on loopback: there is no password. */
    public String password() {
        return "";
    }

    public int port() {
        return server.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Settings for this server with the given bounds. */
    public PostgresSettings settings(Duration acquireTimeout, Duration statementTimeout, Duration lockTimeout,
                                     Duration requestTimeout) {
        return new PostgresSettings(jdbcUrl(), user(), password(), acquireTimeout, statementTimeout, lockTimeout,
                requestTimeout);
    }

    /** Stops the server (fast shutdown); the data directory stays. Idempotent. */
    @Override
    public void close() {
        LOG.info("stopping embedded PostgreSQL on port {}", server.getPort());
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL failed to stop", e);
        }
    }
}
