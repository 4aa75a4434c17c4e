package dev.filament.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
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
            assertThat(Migrations.migrate(pool)).isEqualTo(1);
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

    private static PostgresSettings settings(EmbeddedDatabase db) {
        return db.settings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(10));
    }
}
