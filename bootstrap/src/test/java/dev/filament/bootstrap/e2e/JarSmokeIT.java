package dev.filament.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's run command, for real: the shaded jar, no database URL, JSON logs, --healthcheck, SIGTERM. */
class JarSmokeIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jarRunsOnItsEmbeddedDatabaseLogsJsonAndStopsCleanlyOnSigterm(@TempDir Path dataDir) throws Exception {
        Path jar = Path.of("target", "filament-server.jar").toAbsolutePath();
        assertThat(jar).exists();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, String> env = Map.of("FILAMENT_BIND_ADDR", "127.0.0.1:" + port,
                "FILAMENT_DATA_DIR", dataDir.toString(), "FILAMENT_ATTACHMENT_ROOT", dataDir.resolve("attachments").toString(), "FILAMENT_LOG_FORMAT", "json");
        Process server = start(jar, env);
        Lines lines = new Lines(server);
        try {
            JsonNode ready = lines.await(e -> "startup.ready".equals(e.path("event").asText()), Duration.ofSeconds(120));
            assertThat(ready.path("database").asText()).isEqualTo("embedded");
            assertThat(ready.path("blob_store").asText()).isEqualTo("local");

            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health")).header("X-Request-Id", "smoke-42").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
            }
            JsonNode access = lines.await(e -> "smoke-42".equals(e.path("request_id").asText()), Duration.ofSeconds(10));
            assertThat(access.path("event").asText()).isEqualTo("http.access");
            assertThat(access.path("route").asText()).isEqualTo("/health");
            assertThat(access.path("status").asInt()).isEqualTo(200);
            assertThat(run(jar, env, "--healthcheck")).as("healthcheck while running").isZero();

            server.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of stdout
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).as("exit status after SIGTERM").isIn(0, 143);
            lines.await(e -> "shutdown.complete".equals(e.path("event").asText()), Duration.ofSeconds(5));
            assertThat(postgresProcessesFor(dataDir)).as("embedded PostgreSQL stopped").isEmpty();
            assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();
            assertThat(run(jar, env, "--healthcheck")).as("healthcheck after stop").isEqualTo(1);
            for (JsonNode line : lines.parsed()) {
                assertThat(line.has("ts") && line.has("level") && line.has("logger") && line.has("msg"))
                        .as("every line is a JSON log object: %s", line).isTrue();
            }
            assertThat(lines.raw()).as("nothing but JSON on stdout").allMatch(l -> l.startsWith("{"));
        } finally {
            server.destroyForcibly();
        }
    }

    private static Process start(Path jar, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("FILAMENT_"));
        pb.environment().putAll(env);
        return pb.start();
    }

    private static int run(Path jar, Map<String, String> env, String... args) throws Exception {
        Process p = start(jar, env, args);
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static List<ProcessHandle> postgresProcessesFor(Path dataDir) {
        String dir = dataDir.toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(dir)).orElse(false)).toList();
    }

    /** Collects the process's stdout lines on a reader thread. */
    private static final class Lines {
        private final List<String> raw = new ArrayList<>();

        Lines(Process p) {
            Thread.ofVirtual().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (raw) {
                            raw.add(line);
                            raw.notifyAll();
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // process ended
                }
            });
        }

        List<String> raw() {
            synchronized (raw) {
                return List.copyOf(raw);
            }
        }

        List<JsonNode> parsed() {
            return raw().stream().map(Lines::parse).toList();
        }

        private static JsonNode parse(String line) {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }

        JsonNode await(Predicate<JsonNode> match, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            int seen = 0;
            synchronized (raw) {
                while (true) {
                    for (; seen < raw.size(); seen++) {
                        String line = raw.get(seen);
                        if (line.startsWith("{")) {
                            JsonNode node = parse(line);
                            if (match.test(node)) {
                                return node;
                            }
                        }
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("no matching log line within " + timeout + "; got:\n"
                                + String.join("\n", raw));
                    }
                    raw.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                }
            }
        }
    }
}
