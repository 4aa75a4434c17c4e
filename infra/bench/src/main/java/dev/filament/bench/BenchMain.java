package dev.filament.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Entry point of the on-demand benchmarks (not tests): runs each scenario against a running Filament server and its
 * baseline measured in the same run, then writes the Markdown tables. {@code infra/bench/run.sh} starts the server.
 */
public final class BenchMain {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BenchOptions options;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final OpenLoop loop = new OpenLoop(2_000, TIMEOUT);
    private final FilamentApi api;
    private final Report report = new Report();
    private final String stamp = Long.toString(System.currentTimeMillis() % 10_000_000_000L, 36);

    private BenchMain(BenchOptions options) {
        this.options = options;
        this.api = new FilamentApi(client, options.server(), TIMEOUT);
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || List.of(args).contains("--help")) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options = BenchOptions.parse(args);
        Files.createDirectories(options.workDir());
        BenchMain bench = new BenchMain(options);
        for (String scenario : options.scenarios()) {
            bench.run(scenario);
        }
        bench.report.write(options.out());
        System.out.println("bench: results written to " + options.out());
    }

    private void run(String scenario) {
        String title = switch (scenario) {
            case "me" -> "GET /auth/me vs a bare Javalin route";
            case "messages" -> "POST …/messages vs pgbench on the same row shape";
            case "saturation" -> "Closed loop at " + options.closedConnections() + " connections: throughput ceilings";
            case "idle" -> options.idleSockets() + " idle authenticated gateway sockets: heap and RSS";
            case "crossnode" -> "Cross-node delivery (POST on node A, sockets on A and B) at " + options.rateFanout()
                    + " posts/s to " + options.sockets() + " sockets";
            default -> "Gateway fanout to " + options.sockets() + " sockets vs POST with no sockets";
        };
        System.out.println("bench: " + title);
        try {
            switch (scenario) {
                case "me" -> authMe(title);
                case "messages" -> messages(title);
                case "saturation" -> new Saturation(api, client, options, report, stamp).run(title);
                case "idle" -> idle(title);
                case "crossnode" -> crossNode(title);
                default -> fanout(title);
            }
        } catch (Exception e) {
            e.printStackTrace(System.out);
            report.failed(title, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void authMe(String title) throws Exception {
        String token = api.registerAndLogin("bm" + stamp);
        double rate = options.rateMe();
        RunResult bare;
        try (BareJavalinBaseline server = BareJavalinBaseline.start()) {
            FilamentApi bareApi = new FilamentApi(client, URI.create("http://127.0.0.1:" + server.port()), TIMEOUT);
            HttpRequest request = bareApi.get(BareJavalinBaseline.PATH, token);
            bare = measure("bare Javalin `GET " + BareJavalinBaseline.PATH + "`", rate, (s, t) -> api.status(request));
        }
        HttpRequest me = api.get("/auth/me", token);
        RunResult authMe = measure("`GET /auth/me`", rate, (s, t) -> api.status(me));
        report.section(title, intro(rate) + " The baseline is a bare Javalin 7 app started inside the bench process"
                + " (virtual threads, Jackson, no edge handlers, no auth, no database) answering a JSON object of the"
                + " same shape; both requests carry the same bearer token.", bare, List.of(authMe), List.of(
                "`/auth/me` adds the server's edge handlers (request id, client IP, deadline, baseline limiter, "
                        + "body limit), token verification, one indexed session lookup and the access log."));
    }

    private void messages(String title) throws Exception {
        if (options.pgPort() == 0) {
            throw new IllegalArgumentException("--pg-port is required for the messages scenario");
        }
        PgBench pg = new PgBench(options.pgbench(), options.psql(), options.pgPort(), options.pgClients(),
                options.workDir());
        double rate = options.rateMessages();
        pg.prepare();
        try {
            System.out.println("bench:   pgbench at " + rate + "/s");
            RunResult db = pg.atRate("pgbench `INSERT` into a copy of `messages`", rate, options.warmup(),
                    options.duration());
            String token = api.registerAndLogin("bp" + stamp);
            String guild = api.createGuild(token, "bench messages", "private");
            String channel = api.createChannel(token, guild, "messages");
            RunResult post = measure("`POST /guilds/{g}/channels/{c}/messages`", rate, (seq, t) -> api.status(
                    api.postMessage(token, guild, channel, messageContent(seq))));
            System.out.println("bench:   pgbench ceiling");
            RunResult ceiling = pg.ceiling("pgbench ceiling", options.duration());
            report.section(title, intro(rate) + " The baseline is `pgbench` (open model, `--rate`, "
                    + options.pgClients() + " connections like the server's pool, prepared statements) inserting "
                    + "rows shaped like `messages` (26-char text ids, ~100-byte content, `timestamptz`) into "
                    + "`bench_messages` (`LIKE messages INCLUDING ALL`: same primary key and indexes, no foreign "
                    + "keys) in the server's own embedded PostgreSQL. pgbench schedules its transactions on a "
                    + "Poisson timeline and measures each from its scheduled start.", db, List.of(post),
                    List.of("Besides the insert, the server's request authenticates the session, walks the access "
                            + "ladder (membership, IP ban, channel permission), writes a search-outbox row in the same "
                            + "transaction, tokenizes the Markdown, and after the commit publishes `message_create` "
                            + "and wakes the search indexer (which then indexes the message in the background).",
                            ceilingNote(ceiling, rate)));
        } finally {
            pg.dropScratchTable();
        }
    }

    private void fanout(String title) throws Exception {
        FanoutScenario.Result r = new FanoutScenario(api, loop, options, java.util.Optional.empty()).run();
        report.section(title, intro(options.rateFanout()) + " The baseline is the same POST rate into the same "
                + "channel with no gateway sockets. Then " + r.subscribed() + " sockets (of " + options.sockets()
                + " requested, over " + options.users() + " users) subscribe to the channel and every "
                + "`message_create` frame is timed on arrival against the intended send time of its POST "
                + "(receive time − intended send time), per socket.", r.postBaseline(),
                List.of(r.postUnderFanout(), r.delivery()), List.of("Delivery target /s = POST rate × sockets; "
                        + "`not_delivered` counts frames missing " + "10 s after the last POST."));
    }

    private void idle(String title) throws Exception {
        if (options.serverPid() == 0) {
            throw new IllegalArgumentException("--server-pid is required for the idle scenario");
        }
        IdleSockets.Result r = new IdleSockets(api, options.serverPid()).run(options.idleSockets(), options.users(),
                stamp);
        int n = Math.max(1, r.subscribed());
        long heap = r.with().heapKiB() - r.before().heapKiB();
        long rss = r.with().rssKiB() - r.before().rssKiB();
        report.table(title, "The server's heap in use after a full GC (`jcmd GC.run` twice, then `GC.heap_info`) and "
                        + "its resident set (`VmRSS`), measured in the same run before the sockets opened and with "
                        + r.subscribed() + " of " + r.requested() + " sockets open (spread over " + options.users()
                        + " users, each subscribed to one channel, then idle 2 s).",
                List.of("State", "Heap used after full GC", "RSS", "Per socket (heap / RSS)"),
                List.of(List.of("no sockets (baseline)", mib(r.before().heapKiB()), mib(r.before().rssKiB()), "–"),
                        List.of(r.subscribed() + " sockets", mib(r.with().heapKiB()), mib(r.with().rssKiB()),
                                String.format(Locale.ROOT, "%.1f KiB / %.1f KiB", heap / (double) n,
                                        rss / (double) n))),
                List.of(String.format(Locale.ROOT, "Connecting and subscribing took %.1f s (waves of 500).",
                        r.connectTime().toMillis() / 1000.0)));
    }

    private static String mib(long kib) {
        return String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
    }

    // issue #16 item 5: the same fanout with every other socket on a second node of one cluster (Redis relay)
    private void crossNode(String title) throws Exception {
        FanoutScenario.Result r = new FanoutScenario(api, loop, options, options.serverB()).run();
        RunResult local = r.delivery();
        RunResult remote = r.crossNode().orElseThrow();
        report.section(title, intro(options.rateFanout()) + " POSTs go to node A; " + r.subscribed() + " sockets "
                + "subscribe to the channel, every other one on node B (" + options.serverB().orElseThrow() + "), "
                + "which gets the events through the Redis relay. The baseline is the delivery to node A's own "
                + "sockets in the same run (single-node path).", local, List.of(remote, r.postUnderFanout()),
                List.of(String.format(Locale.ROOT, "Cross-node p99 − local p99 = **%.1f ms** (target ≤ 50 ms).",
                        remote.millisAt(99) - local.millisAt(99))));
    }

    private RunResult measure(String name, double rate, OpenLoop.Shot shot) throws InterruptedException {
        System.out.println("bench:   " + name + " at " + rate + "/s");
        loop.run("warm-up", rate, options.warmup(), "200", shot);
        return loop.run(name, rate, options.duration(), "200", shot);
    }

    private String intro(double rate) {
        return String.format(Locale.ROOT, "Open model at %.0f requests/s: warm-up %d s (discarded), then %d s "
                + "measured; latency from each request's intended send time; errors are non-200 outcomes.",
                rate, options.warmup().toSeconds(), options.duration().toSeconds());
    }

    private static String messageContent(long seq) {
        String head = "bench message " + seq + " ";
        return head + "lorem ipsum dolor sit amet ".repeat(4).substring(0, Math.max(1, 100 - head.length()));
    }

    private static String ceilingNote(RunResult ceiling, double rate) {
        return String.format(Locale.ROOT, "Database ceiling: pgbench closed loop (no `--rate`, same connections) "
                + "reached **%.0f inserts/s** (service time p50 %.2f ms, p99 %.2f ms, errors %d); the target rate "
                + "above is %.1f%% of it.", ceiling.achievedRate(), ceiling.millisAt(50), ceiling.millisAt(99),
                ceiling.errorCount(), 100 * rate / ceiling.achievedRate());
    }
}
