package dev.filament.tools.jooqgen;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Logging;
import org.jooq.meta.jaxb.Target;

/**
 * Build helper: applies the Flyway migrations to a throw-away embedded PostgreSQL and generates jOOQ classes from
 * the result. Skips when the migrations (and this generator's configuration) are unchanged since the last run.
 * Arguments: migrationsDir targetDir packageName.
 */
public final class JooqGen {
    /** Bump when the generator configuration below changes, so stale generated code is regenerated. */
    private static final int CONFIG_VERSION = 3;

    private JooqGen() {
    }

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]).toAbsolutePath();
        Path target = Path.of(args[1]).toAbsolutePath();
        String pkg = args[2];
        String inputs = hash(migrations) + ":" + pkg + ":" + CONFIG_VERSION;
        Path stamp = target.resolve(".jooqgen-inputs");
        if (Files.exists(stamp) && Files.readString(stamp).equals(inputs)) {
            System.out.println("[jooqgen] migrations unchanged, skipping");
            return;
        }
        long start = System.nanoTime();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Flyway.configure().dataSource(pg.getPostgresDatabase())
                    .locations("filesystem:" + migrations).load().migrate();
            GenerationTool.generate(new Configuration()
                    .withLogging(Logging.WARN)
                    .withJdbc(new Jdbc().withDriver("org.postgresql.Driver")
                            .withUrl(pg.getJdbcUrl("postgres", "postgres")).withUser("postgres").withPassword("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(new Database().withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public").withOutputSchemaToDefault(true)
                                    .withExcludes("flyway_schema_history")
                                    // jOOQ has no built-in type for these; as text they need no custom binding
                                    // (the pool sets stringtype=unspecified, so the server converts the binds)
                                    .withForcedTypes(new ForcedType().withName("CLOB")
                                            .withIncludeTypes("cidr|inet|tsvector")))
                            .withGenerate(new Generate().withJavaTimeTypes(true).withRecords(true).withPojos(false)
                                    .withDaos(false).withGeneratedAnnotation(false)
                                    // guilds <-> guild_roles reference each other: to-many path names would clash
                                    .withImplicitJoinPathsToMany(false))
                            .withTarget(new Target().withPackageName(pkg).withDirectory(target.toString()))));
        }
        Files.createDirectories(target);
        Files.writeString(stamp, inputs);
        System.out.printf("[jooqgen] generated %s in %d ms%n", pkg, (System.nanoTime() - start) / 1_000_000);
    }

    private static String hash(Path dir) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        for (Path f : files) {
            sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(f));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
