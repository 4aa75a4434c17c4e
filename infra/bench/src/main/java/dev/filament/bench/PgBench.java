package dev.filament.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * The database's own numbers: {@code pgbench} inserting rows shaped like {@code messages} into a scratch copy of that
 * table ({@code LIKE messages INCLUDING ALL}: same columns, primary key and indexes, no foreign keys) in the server's
 * own PostgreSQL. Runs both open-model at a fixed rate and closed-loop at full speed (the ceiling).
 */
final class PgBench {
    private static final String TABLE = "bench_messages";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
    private static final String CONTENT = "x".repeat(100);

    private final String pgbench;
    private final String psql;
    private final int port;
    private final int clients;
    private final Path workDir;

    PgBench(String pgbench, String psql, int port, int clients, Path workDir) {
        this.pgbench = pgbench;
        this.psql = psql;
        this.port = port;
        this.clients = clients;
        this.workDir = workDir;
    }

    /** (Re)creates the scratch table and writes the insert script. */
    void prepare() throws IOException, InterruptedException {
        psql("DROP TABLE IF EXISTS " + TABLE + ", bench_outbox, bench_documents; DROP SEQUENCE IF EXISTS " + TABLE
                + "_seq; CREATE TABLE " + TABLE + " (LIKE messages INCLUDING ALL); CREATE SEQUENCE " + TABLE + "_seq; "
                + "CREATE TABLE bench_outbox (LIKE search_outbox INCLUDING ALL); "
                + "CREATE TABLE bench_documents (LIKE search_documents INCLUDING ALL);");
        // Ids: 26-char text that increases like the server's monotonic ULIDs, so the primary key appends at the end.
        String insert = "INSERT INTO " + TABLE + " (message_id, guild_id, channel_id, author_id, content, revision, "
                + "created_at) VALUES (lpad(nextval('" + TABLE + "_seq')::text, 26, '0'), '" + id("GUILD") + "', '"
                + id("CHANNEL") + "', '" + id("AUTHOR") + "', '" + CONTENT + "', 0, date_trunc('second', now()));\n";
        Files.writeString(script(), insert, StandardCharsets.UTF_8);
        Files.writeString(durableScript(), durableWork(), StandardCharsets.UTF_8);
    }

    /**
     * The durable work of one posted message, as the server does it: the message row and its outbox row in one
     * transaction, then (the indexer's side) the search document and the outbox delete in another.
     */
    private static String durableWork() {
        String id = "lpad(currval('" + TABLE + "_seq')::text, 26, '0')";
        return "BEGIN;\n"
                + "INSERT INTO " + TABLE + " (message_id, guild_id, channel_id, author_id, content, revision, "
                + "created_at) VALUES (lpad(nextval('" + TABLE + "_seq')::text, 26, '0'), '" + id("GUILD") + "', '"
                + id("CHANNEL") + "', '" + id("AUTHOR") + "', '" + CONTENT + "', 0, date_trunc('second', now()));\n"
                + "INSERT INTO bench_outbox (guild_id, message_id, op, enqueued_at, next_attempt_at) VALUES ('"
                + id("GUILD") + "', " + id + ", 'upsert', now(), now()) RETURNING outbox_id \\gset\n"
                + "COMMIT;\n"
                + "BEGIN;\n"
                + "INSERT INTO bench_documents (message_id, guild_id, channel_id, revision, tsv, indexed_at) "
                + "SELECT message_id, guild_id, channel_id, revision, to_tsvector('simple', lower(content)), now() "
                + "FROM " + TABLE + " WHERE message_id = " + id + ";\n"
                + "DELETE FROM bench_outbox WHERE outbox_id = :outbox_id;\n"
                + "COMMIT;\n";
    }

    /** Closed loop at full speed running the durable work of one message per script: the POST baseline. */
    RunResult durableCeiling(String name, Duration warmup, Duration duration)
            throws IOException, InterruptedException {
        run(List.of(), warmup, null, durableScript());
        String prefix = "pgbench_durable";
        String out = run(List.of(), duration, prefix, durableScript());
        Matcher m = TPS.matcher(out);
        double tps = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        RunResult logs = fromLogs(name, Double.NaN, prefix, duration);
        return new RunResult(name, Double.NaN, tps, logs.latencyMicros(), logs.errors(), logs.successes());
    }

    private static String id(String tag) {
        String raw = "01JBENCH" + tag;
        return raw + "0".repeat(26 - raw.length());
    }

    void dropScratchTable() throws IOException, InterruptedException {
        psql("DROP TABLE IF EXISTS " + TABLE + ", bench_outbox, bench_documents; DROP SEQUENCE IF EXISTS " + TABLE
                + "_seq;");
    }

    /** Open model: {@code rate} transactions per second, latency = schedule lag + transaction time. */
    RunResult atRate(String name, double rate, Duration warmup, Duration duration)
            throws IOException, InterruptedException {
        run(List.of("-R", fmt(rate)), warmup, null);
        String prefix = "pgbench_rate";
        run(List.of("-R", fmt(rate)), duration, prefix);
        return fromLogs(name, rate, prefix, duration);
    }

    /** Closed loop at full speed with the server's pool size of clients: the database's throughput ceiling. */
    RunResult ceiling(String name, Duration duration) throws IOException, InterruptedException {
        String prefix = "pgbench_ceiling";
        String out = run(List.of(), duration, prefix);
        Matcher m = TPS.matcher(out);
        double tps = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        RunResult logs = fromLogs(name, Double.NaN, prefix, duration);
        return new RunResult(name, Double.NaN, tps, logs.latencyMicros(), logs.errors(), logs.successes());
    }

    private String run(List<String> extra, Duration duration, String logPrefix)
            throws IOException, InterruptedException {
        return run(extra, duration, logPrefix, script());
    }

    private String run(List<String> extra, Duration duration, String logPrefix, Path script)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(pgbench, "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", "postgres", "-n", "-M", "prepared", "-c", Integer.toString(clients), "-j", "2",
                "-T", Long.toString(Math.max(1, duration.toSeconds())), "-f", script.toString()));
        cmd.addAll(extra);
        if (logPrefix != null) {
            deleteLogs(logPrefix);
            cmd.addAll(List.of("-l", "--log-prefix=" + workDir.resolve(logPrefix)));
        }
        cmd.add("postgres");
        return exec(cmd, duration.plusSeconds(30));
    }

    private RunResult fromLogs(String name, double rate, String prefix, Duration duration) throws IOException {
        ConcurrentHistogram micros = new ConcurrentHistogram(3);
        Outcomes outcomes = new Outcomes();
        try (Stream<Path> files = Files.list(workDir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith(prefix + ".")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    PgBenchLogLine.parse(line).ifPresent(l -> {
                        if (l.ok()) {
                            micros.recordValue(l.latencyMicros());
                            outcomes.add("ok", 1);
                        } else {
                            outcomes.add(l.outcome(), 1);
                        }
                    });
                }
            }
        }
        double achieved = outcomes.count("ok") / (double) Math.max(1, duration.toSeconds());
        return new RunResult(name, rate, achieved, micros, outcomes.without("ok"), outcomes.count("ok"));
    }

    private void psql(String sql) throws IOException, InterruptedException {
        exec(List.of(psql, "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-d", "postgres",
                "-v", "ON_ERROR_STOP=1", "-q", "-c", sql), Duration.ofSeconds(30));
    }

    private String exec(List<String> cmd, Duration bound) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "exec", ".out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out after " + bound + ": " + String.join(" ", cmd));
        }
        String text = Files.readString(out);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("exit " + p.exitValue() + " from " + cmd.get(0) + ": " + text);
        }
        return text;
    }

    private void deleteLogs(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(workDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(prefix + ".")).toList()) {
                Files.delete(f);
            }
        }
    }

    private Path script() {
        return workDir.resolve("insert_message.sql");
    }

    private Path durableScript() {
        return workDir.resolve("durable_message.sql");
    }

    /** Transactions committed in the database so far (pg_stat_database), for transactions per request. */
    long transactions() throws IOException, InterruptedException {
        String out = exec(List.of(psql, "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-d",
                "postgres", "-At", "-c", "select pg_stat_clear_snapshot(); select sum(xact_commit + xact_rollback) "
                        + "from pg_stat_database"), Duration.ofSeconds(30));
        String[] lines = out.strip().split("\n");
        return Long.parseLong(lines[lines.length - 1].strip());
    }

    private static String fmt(double rate) {
        return Long.toString(Math.round(rate));
    }
}
