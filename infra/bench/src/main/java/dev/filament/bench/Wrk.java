package dev.filament.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop saturation with {@code wrk} ({@code -t2 -c32}, {@code --latency}): each connection sends its next
 * request as soon as the previous answer arrived, so throughput is what the server sustains; latency is per request.
 */
final class Wrk {
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("([0-9]+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+([0-9]+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)");

    private final String wrk;
    private final Path workDir;
    private final int connections;

    Wrk(String wrk, Path workDir, int connections) {
        this.wrk = wrk;
        this.workDir = workDir;
        this.connections = connections;
    }

    /** One measured row: throughput, latency percentiles from wrk's distribution, failures. */
    record Row(String name, int connections, double throughput, double p50Ms, double p90Ms, double p99Ms,
               long requests, long errors, long warmupRequests) {
    }

    /** A warm-up run (discarded) then the measured run of {@code method} {@code url}. */
    Row run(String name, String method, String url, String token, String jsonBody, Duration warmup,
            Duration duration) throws IOException, InterruptedException {
        Path script = workDir.resolve("wrk-" + Math.abs(name.hashCode()) + ".lua");
        StringBuilder lua = new StringBuilder("wrk.method = \"" + method + "\"\n");
        lua.append("wrk.headers[\"Authorization\"] = \"Bearer ").append(token).append("\"\n");
        if (jsonBody != null) {
            lua.append("wrk.headers[\"Content-Type\"] = \"application/json\"\n");
            lua.append("wrk.body = '").append(jsonBody.replace("'", "\\'")).append("'\n");
        }
        Files.writeString(script, lua.toString(), StandardCharsets.UTF_8);
        long warm = find(TOTAL, exec(script, url, warmup));
        String out = exec(script, url, duration);
        return parse(name, out, warm);
    }

    private Row parse(String name, String out, long warm) {
        long requests = find(TOTAL, out);
        long errors = find(NON_2XX, out);
        Matcher s = SOCKET_ERRORS.matcher(out);
        if (s.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(s.group(i));
            }
        }
        Matcher rps = RPS.matcher(out);
        double throughput = rps.find() ? Double.parseDouble(rps.group(1)) : Double.NaN;
        return new Row(name, connections, throughput, percentile(out, "50"), percentile(out, "90"),
                percentile(out, "99"), requests, errors, warm);
    }

    private static long find(Pattern p, String out) {
        Matcher m = p.matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** wrk prints e.g. {@code 99%   12.34ms} (or us / s) under "Latency Distribution". */
    private static double percentile(String out, String pct) {
        Matcher m = Pattern.compile("\\n\\s+" + pct + "%\\s+([0-9.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1_000;
            case "s" -> v * 1_000;
            default -> v;
        };
    }

    private String exec(Path script, String url, Duration duration) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(wrk, "-t2", "-c" + connections,
                "-d" + Math.max(1, duration.toSeconds()) + "s", "--latency", "--timeout", "10s", "-s",
                script.toString(), url));
        Path out = Files.createTempFile(workDir, "wrk", ".out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("wrk did not finish: " + cmd);
        }
        String text = Files.readString(out);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("exit " + p.exitValue() + " from wrk: " + text);
        }
        System.out.println(text);
        return text;
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
    }
}
