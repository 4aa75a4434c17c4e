package dev.filament.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Closed-loop saturation (wrk, {@code -t2 -c<connections>}), each route next to its same-run ceiling:
 * {@code GET /auth/me} vs the bare Javalin route; {@code POST …/messages} vs pgbench doing the same durable work per
 * message (message and outbox rows in one transaction, then the search document and the outbox delete) with the
 * pool's connection count. Database transactions and pooled-connection borrows per request come from
 * {@code pg_stat_database} and the server's HikariCP metrics over the warm-up and measured runs.
 */
final class Saturation {
    private final FilamentApi api;
    private final HttpClient client;
    private final BenchOptions options;
    private final Report report;
    private final String stamp;

    Saturation(FilamentApi api, HttpClient client, BenchOptions options, Report report, String stamp) {
        this.api = api;
        this.client = client;
        this.options = options;
        this.report = report;
        this.stamp = stamp;
    }

    void run(String title) throws Exception {
        Wrk wrk = new Wrk(options.wrk(), options.workDir(), options.closedConnections());
        PgBench pg = new PgBench(options.pgbench(), options.psql(), options.pgPort(), options.pgClients(),
                options.workDir());
        pg.prepare();
        try {
            String token = api.registerAndLogin("bs" + stamp);
            String base = options.server().toString();
            Wrk.Row bare;
            try (BareJavalinBaseline b = BareJavalinBaseline.start()) {
                bare = wrk.run("bare Javalin `GET " + BareJavalinBaseline.PATH + "`", "GET",
                        "http://127.0.0.1:" + b.port() + BareJavalinBaseline.PATH, token, null, options.warmup(),
                        options.duration());
            }
            Counters c0 = counters(pg);
            Wrk.Row me = wrk.run("`GET /auth/me`", "GET", base + "/auth/me", token, null, options.warmup(),
                    options.duration());
            Counters c1 = counters(pg);
            String guild = api.createGuild(token, "bench saturation", "private");
            String channel = api.createChannel(token, guild, "saturation");
            Counters c2 = counters(pg);
            Wrk.Row post = wrk.run("`POST /guilds/{g}/channels/{c}/messages`", "POST",
                    base + "/guilds/" + guild + "/channels/" + channel + "/messages", token,
                    "{\"content\":\"" + "bench message lorem ipsum dolor sit amet ".repeat(3).substring(0, 100)
                            + "\"}", options.warmup(), options.duration());
            Thread.sleep(3_000); // the indexer catches up; backends flush their statistics
            Counters c3 = counters(pg);
            RunResult durable = pg.durableCeiling("pgbench, same durable work per message", options.warmup(),
                    options.duration());
            report.table(title, String.format(Locale.ROOT, "Closed loop: `wrk -t2 -c%d --latency`, warm-up %d s "
                            + "(discarded), then %d s measured; each connection sends its next request when the "
                            + "previous answer arrived. The POST baseline is `pgbench` (closed loop, %d connections "
                            + "like the server's pool, prepared statements) doing per message what the server does "
                            + "durably: message row and outbox row in one transaction, then the search document and "
                            + "the outbox delete in another, on copies of those tables in the server's own PostgreSQL.",
                            options.closedConnections(), options.warmup().toSeconds(), options.duration().toSeconds(),
                            options.pgClients()),
                    List.of("Run", "Throughput /s", "p50 ms", "p99 ms", "Requests", "Errors", "Share of baseline",
                            "DB transactions / request", "Pool borrows / request"),
                    List.of(row(bare, "baseline", "–", "–"),
                            row(me, share(me.throughput(), bare.throughput()), perRequest(c1.tx - c0.tx, me),
                                    perRequest(c1.borrows - c0.borrows, me)),
                            List.of(durable.name(), Wrk.fmt(durable.achievedRate()), Wrk.fmt(durable.millisAt(50)),
                                    Wrk.fmt(durable.millisAt(99)), Long.toString(durable.successes()),
                                    Long.toString(durable.errorCount()), "baseline", "2", "–"),
                            row(post, share(post.throughput(), durable.achievedRate()),
                                    perRequest(c3.tx - c2.tx, post), perRequest(c3.borrows - c2.borrows, post))),
                    List.of("DB transactions / request: `sum(xact_commit + xact_rollback)` of `pg_stat_database` "
                                    + "over the warm-up and measured runs divided by their requests; every "
                                    + "auto-commit statement counts as one, and the POST row includes the indexer's "
                                    + "batches (it catches up 3 s after the run). Round trips per request, counted at "
                                    + "the JDBC boundary by `MessageRoundTripsTest` and `CachedSessionRepositoryTest`: "
                                    + "`/auth/me` 0 on a warm session (1 indexed read every 5 s per session), a post "
                                    + "4 (BEGIN, message insert, outbox insert, COMMIT; the ladder comes from the "
                                    + "access cache).",
                            "Pool borrows / request: `hikaricp_connections_acquire_seconds_count` of the server's "
                                    + "`/metrics` over the same window."));
        } finally {
            pg.dropScratchTable();
        }
    }

    private record Counters(long tx, double borrows) {
    }

    private Counters counters(PgBench pg) throws Exception {
        return new Counters(pg.transactions(), borrows());
    }

    private double borrows() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(options.server() + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        for (String line : r.body().split("\n")) {
            if (line.startsWith("hikaricp_connections_acquire_seconds_count")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }

    private static List<String> row(Wrk.Row r, String share, String tx, String borrows) {
        return List.of(r.name(), Wrk.fmt(r.throughput()), Wrk.fmt(r.p50Ms()), Wrk.fmt(r.p99Ms()),
                Long.toString(r.requests()), Long.toString(r.errors()), share, tx, borrows);
    }

    private static String share(double value, double baseline) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * value / baseline);
    }

    private static String perRequest(double delta, Wrk.Row r) {
        return String.format(Locale.ROOT, "%.2f", delta / Math.max(1, r.requests() + r.warmupRequests()));
    }
}
