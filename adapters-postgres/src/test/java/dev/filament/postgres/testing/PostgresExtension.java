package dev.filament.postgres.testing;

import com.zaxxer.hikari.HikariDataSource;
import dev.filament.postgres.DataSourceFactory;
import dev.filament.postgres.DatabaseUrl;
import dev.filament.postgres.Jooq;
import dev.filament.postgres.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * JUnit 5 extension giving tests one migrated PostgreSQL per test JVM: {@code FILAMENT_TEST_DATABASE_URL} when set
 * ({@code postgres://} or {@code jdbc:postgresql://}), else Testcontainers when it is on the test classpath and a
 * Docker engine answers, else an embedded PostgreSQL 17 (zonky). Kept in the root store and closed when the JVM's
 * tests end. Resolves parameters of type {@link DataSource}, {@link DSLContext} (thread-bound transactions, as
 * {@code Jooq.dsl}) and {@link TestDatabase}. Tests share the database: use unique ids, never truncate.
 */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {
    public static final String URL_VARIABLE = "FILAMENT_TEST_DATABASE_URL";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);
    private static final Logger LOG = LoggerFactory.getLogger(PostgresExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        handle(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DataSource.class || type == DSLContext.class || type == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Handle handle = handle(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == DSLContext.class) {
            return handle.dsl();
        }
        return type == TestDatabase.class ? handle.database() : handle.database().dataSource();
    }

    /** The shared database, starting it on first use (for code that cannot take parameters). */
    public static TestDatabase database(ExtensionContext context) {
        return handle(context).database();
    }

    private static Handle handle(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Handle.class, k -> start(), Handle.class);
    }

    private static Handle start() {
        long begin = System.nanoTime();
        String url = System.getenv(URL_VARIABLE);
        Server server = url != null && !url.isBlank() ? external(url)
                : Docker.available() ? Docker.startPostgres()
                : embedded();
        HikariDataSource pool = DataSourceFactory.create(
                new TestDatabase(server.jdbcUrl(), server.user(), server.password(), null).defaultSettings());
        Migrations.migrate(pool);
        TestDatabase database = new TestDatabase(server.jdbcUrl(), server.user(), server.password(), pool);
        LOG.info("test database ready ({}, {}) in {} ms", server.kind(), database,
                (System.nanoTime() - begin) / 1_000_000);
        return new Handle(server, database, Jooq.dsl(pool), pool);
    }

    private static Server external(String url) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        return new Server("external", parsed.jdbcUrl(), parsed.user(), parsed.password(), null);
    }

    private static Server embedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            return new Server("embedded", "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres",
                    "postgres", "", pg);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL failed to start", e);
        }
    }

    /** Where the database runs; {@code closer} stops it (null when it is not ours). */
    private record Server(String kind, String jdbcUrl, String user, String password, AutoCloseable closer) {
    }

    /**
     * The Testcontainers path, in its own class so that a consumer of this test-jar without Testcontainers on its
     * test classpath loads none of it and falls back to the embedded server.
     */
    private static final class Docker {
        static boolean available() {
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }

        static Server startPostgres() {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return new Server("testcontainers", container.getJdbcUrl(), container.getUsername(),
                    container.getPassword(), container);
        }
    }

    /** What the root store keeps; closed by JUnit after the last test of the JVM. */
    private record Handle(Server server, TestDatabase database, DSLContext dsl, HikariDataSource pool)
            implements AutoCloseable {
        @Override
        public void close() {
            pool.close();
            try {
                if (server.closer() != null) {
                    server.closer().close();
                }
            } catch (Exception e) {
                throw new IllegalStateException("test database did not stop cleanly", e);
            }
            LOG.info("test database closed ({})", server.kind());
        }
    }
}
