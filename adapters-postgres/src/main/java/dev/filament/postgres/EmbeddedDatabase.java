package dev.filament.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default database when {@code FILAMENT_DATABASE_URL} is unset (SPEC 13): a PostgreSQL server run by this process
 * (zonky binaries) on a free loopback port, keeping its data in {@code {FILAMENT_DATA_DIR}/postgres} across restarts.
 * Runs as root too (zonky drops privileges through a user namespace). Closing stops the server and keeps the data.
 *
 * <p>The cluster accepts only password connections ({@code scram-sha-256}, local socket and loopback alike), with the
 * random password of {@link EmbeddedPassword} kept beside the data directory: another local process cannot read the
 * token key or any row without reading that file. A data directory created by an older version with {@code trust}
 * authentication is migrated at start: the password is set, then {@code pg_hba.conf} is rewritten and reloaded.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres server;
    private final Path dataDirectory;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres server, Path dataDirectory, String password) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.password = password;
    }

    /**
     * Starts the server on {@code dataDirectory}, initialising it on first use; blocks until it accepts queries. The
     * password file is {@code postgres-password} beside {@code dataDirectory} (SPEC 13: {@code {dir}/postgres-password}).
     */
    public static EmbeddedDatabase start(Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Path dir = dataDirectory.toAbsolutePath().normalize();
        boolean fresh = !Files.exists(dir.resolve("PG_VERSION"));
        LOG.info("starting embedded PostgreSQL in {} ({})", dir, fresh ? "new data directory" : "existing data");
        long start = System.nanoTime();
        try {
            Files.createDirectories(dir);
            EmbeddedPassword password = EmbeddedPassword.loadOrCreate(dir.resolveSibling("postgres-password"));
            boolean passwordOnly = fresh || PgHba.isPasswordOnly(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    // zonky tunes for throw-away test databases (-F); this one holds real data
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // zonky's own readiness probe and every later connection authenticate with the password
                    .setConnectConfig("password", password.value());
            if (fresh) {
                // initdb sets the superuser's password from the file; pg_hba.conf is written before the first start
                builder.setLocaleConfig("pwfile", password.file().toString())
                        .setDataDirectoryCustomizer(d -> PgHba.writePasswordOnly(d.toPath()));
            }
            EmbeddedPostgres server = builder.start();
            if (!passwordOnly) {
                migrateFromTrust(server, dir, password);
            }
            LOG.info("embedded PostgreSQL ready on localhost:{} in {} ms", server.getPort(),
                    (System.nanoTime() - start) / 1_000_000);
            return new EmbeddedDatabase(server, dir, password.value());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL failed to start in " + dir, e);
        }
    }

    /** A data directory of an older version trusted every local connection: set the password, then require it. */
    private static void migrateFromTrust(EmbeddedPostgres server, Path dir, EmbeddedPassword password)
            throws IOException {
        LOG.atWarn().addKeyValue("event", "db.embedded.auth_migrated").addKeyValue("data_dir", dir.toString())
                .log("embedded PostgreSQL trusted local connections; setting a password and requiring scram-sha-256");
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("set password_encryption = 'scram-sha-256'");
            s.execute("alter role " + USER + " password " + quoted(password.value()));
            PgHba.writePasswordOnly(dir);
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("could not migrate the embedded PostgreSQL to password authentication", e);
        }
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    /** The cluster's password (from the data directory's password file). */
    public String password() {
        return password;
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
