package dev.filament.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @Test
    void dataSurvivesARestartOnTheSameDirectory(@TempDir Path dataDir) {
        Path pgDir = dataDir.resolve("postgres");
        String user = Rows.id();

        try (EmbeddedDatabase db = EmbeddedDatabase.start(pgDir);
             HikariDataSource pool = DataSourceFactory.create(settings(db))) {
            assertThat(Migrations.migrate(pool)).as("every migration applies on a fresh cluster").isPositive();
            Rows.user(Jooq.dsl(pool), user, "persist_" + user.substring(0, 10));
        }

        try (EmbeddedDatabase db = EmbeddedDatabase.start(pgDir);
             HikariDataSource pool = DataSourceFactory.create(settings(db))) {
            DSLContext dsl = Jooq.dsl(pool);
            assertThat(Migrations.migrate(pool)).isZero();
            assertThat(Rows.userExists(dsl, user)).isTrue();
            assertThat(db.dataDirectory()).isEqualTo(pgDir.toAbsolutePath());
            assertThat(db.jdbcUrl()).startsWith("jdbc:postgresql://localhost:" + db.port() + "/");
        }
    }

    @Test
    void aNewClusterRefusesConnectionsWithoutItsPassword_keptOwnerOnlyBesideTheData(@TempDir Path dataDir)
            throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir.resolve("postgres"))) {
            Path passwordFile = dataDir.resolve("postgres-password");
            assertThat(Files.getPosixFilePermissions(passwordFile))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(db.password()).hasSizeGreaterThan(40);

            assertRefused(db, null);
            assertRefused(db, "wrong-password");
            assertThat(selectOne(db, db.password())).isEqualTo(1);
            assertThat(Files.readString(dataDir.resolve("postgres").resolve("pg_hba.conf")))
                    .doesNotContain("trust").contains("scram-sha-256");
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.start(dataDir.resolve("postgres"))) {
            assertRefused(again, null);
            assertThat(selectOne(again, Files.readString(dataDir.resolve("postgres-password")).strip())).isEqualTo(1);
        }
    }

    @Test
    void aTrustingClusterOfAnOlderVersionIsMigratedToPasswordsKeepingItsData(@TempDir Path dataDir) throws Exception {
        Path pgDir = dataDir.resolve("postgres");
        try (EmbeddedPostgres legacy = EmbeddedPostgres.builder().setDataDirectory(pgDir)
                .setCleanDataDirectory(false).start();
             Connection c = legacy.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table kept (v int); insert into kept values (7)");
        }
        assertThat(Files.readString(pgDir.resolve("pg_hba.conf"))).contains("trust");

        try (EmbeddedDatabase db = EmbeddedDatabase.start(pgDir)) {
            assertRefused(db, null);
            try (Connection c = connect(db, db.password()); Statement s = c.createStatement();
                 var rows = s.executeQuery("select v from kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(7);
            }
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("postgres-password")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static void assertRefused(EmbeddedDatabase db, String password) {
        assertThatThrownBy(() -> connect(db, password).close())
                .isInstanceOf(SQLException.class)
                // 28P01: wrong password; 08004: the server asked for a password the client did not have
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "08004"))
                .hasMessageContaining("password");
    }

    private static int selectOne(EmbeddedDatabase db, String password) throws SQLException {
        try (Connection c = connect(db, password); Statement s = c.createStatement();
             var rows = s.executeQuery("select 1")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Connection connect(EmbeddedDatabase db, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", db.user());
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection(db.jdbcUrl(), props);
    }

    private static PostgresSettings settings(EmbeddedDatabase db) {
        return db.settings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(10));
    }
}
