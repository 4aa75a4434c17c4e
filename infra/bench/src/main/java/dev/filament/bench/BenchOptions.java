package dev.filament.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line options ({@code --name=value}); every value is bounded so a typo cannot start an endless run. */
record BenchOptions(URI server, int pgPort, Duration warmup, Duration duration, double rateMe, double rateMessages,
                    double rateFanout, int sockets, int users, int pgClients, Set<String> scenarios, Path out,
                    Path workDir, String pgbench, String psql, String wrk, long serverPid, int idleSockets,
                    int closedConnections, java.util.Optional<URI> serverB) {

    /** {@code crossnode} (issue #16): the fanout with half of the sockets on a second node, {@code --server-b}. */
    static final List<String> ALL_SCENARIOS = List.of("me", "messages", "fanout", "saturation", "idle", "crossnode");

    static final String USAGE = """
            usage: java -jar filament-bench.jar --server=http://127.0.0.1:PORT --pg-port=PORT --out=FILE [options]
              --warmup-s=5 --duration-s=20            per run, 1..300 s
              --rate-me=200 --rate-messages=50 --rate-fanout=10   requests per second (open model), 1..20000
              --sockets=1000 --users=20 --pg-clients=10
              --scenarios=me,messages,fanout,saturation,idle[,crossnode] --work-dir=DIR --pgbench=pgbench --psql=psql
              --wrk=wrk --connections=32 (closed loop) --idle-sockets=10000 --server-pid=PID (idle: heap and RSS)
              --server-b=http://127.0.0.1:PORT       a second node of the same cluster (crossnode)
            Traffic goes only to 127.0.0.1.""";

    static BenchOptions parse(String[] args) {
        Map<String, String> kv = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            kv.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        URI server = URI.create(required(kv, "server"));
        if (!"127.0.0.1".equals(server.getHost()) || !"http".equals(server.getScheme())) {
            throw new IllegalArgumentException("--server must be http://127.0.0.1:PORT (loopback only)");
        }
        java.util.Optional<URI> serverB = java.util.Optional.ofNullable(kv.get("server-b")).map(URI::create);
        if (serverB.isPresent() && !"127.0.0.1".equals(serverB.get().getHost())) {
            throw new IllegalArgumentException("--server-b must be http://127.0.0.1:PORT (loopback only)");
        }
        Set<String> scenarios = new LinkedHashSet<>(List.of(kv.getOrDefault("scenarios", "me,messages,fanout")
                .split(",")));
        if (scenarios.contains("crossnode") && serverB.isEmpty()) {
            throw new IllegalArgumentException("--scenarios=crossnode needs --server-b");
        }
        if (!ALL_SCENARIOS.containsAll(scenarios)) {
            throw new IllegalArgumentException("--scenarios must be a subset of " + ALL_SCENARIOS);
        }
        return new BenchOptions(server, (int) bounded(kv, "pg-port", 0, 0, 65_535),
                Duration.ofSeconds(bounded(kv, "warmup-s", 5, 1, 300)),
                Duration.ofSeconds(bounded(kv, "duration-s", 20, 1, 300)),
                bounded(kv, "rate-me", 200, 1, 20_000), bounded(kv, "rate-messages", 50, 1, 20_000),
                bounded(kv, "rate-fanout", 10, 1, 20_000), (int) bounded(kv, "sockets", 1000, 1, 10_000),
                (int) bounded(kv, "users", 20, 1, 1_000), (int) bounded(kv, "pg-clients", 10, 1, 100), scenarios,
                Path.of(required(kv, "out")), Path.of(kv.getOrDefault("work-dir", System.getProperty("java.io.tmpdir"))),
                kv.getOrDefault("pgbench", "pgbench"), kv.getOrDefault("psql", "psql"), kv.getOrDefault("wrk", "wrk"),
                bounded(kv, "server-pid", 0, 0, Integer.MAX_VALUE), (int) bounded(kv, "idle-sockets", 10_000, 1, 20_000),
                (int) bounded(kv, "connections", 32, 1, 1_000), serverB);
    }

    private static String required(Map<String, String> kv, String name) {
        String v = kv.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    private static long bounded(Map<String, String> kv, String name, long fallback, long min, long max) {
        String raw = kv.get(name);
        long v = raw == null ? fallback : Long.parseLong(raw.trim());
        if (v < min || v > max) {
            throw new IllegalArgumentException("--" + name + " must be " + min + ".." + max);
        }
        return v;
    }
}
