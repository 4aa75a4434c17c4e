package dev.filament.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.testing.Eventually;
import dev.filament.bootstrap.FilamentServer;
import dev.filament.bootstrap.config.ConfigLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's own PostgreSQL paused (SIGSTOP) then resumed: fast 503s, readiness shows it, recovery, no loss. */
class FrozenDatabaseE2ETest {

    @Test
    void pausedDatabaseGivesFast503sNot408sAndEverythingCommittedSurvivesTheResume(@TempDir Path data)
            throws Exception {
        Map<String, String> env = Map.of("FILAMENT_BIND_ADDR", "127.0.0.1:0", "FILAMENT_DATA_DIR", data.toString(),
                "FILAMENT_ATTACHMENT_ROOT", data.resolve("attachments").toString(),
                "FILAMENT_DB_STATEMENT_TIMEOUT_MS", "1500", "FILAMENT_DB_ACQUIRE_TIMEOUT_MS", "1000");
        try (FilamentServer server = FilamentServer.start(ConfigLoader.load(env, false));
             HttpClient http = HttpClient.newHttpClient()) {
            RunningServerView view = new RunningServerView(http, server.port());
            Api api = view.api();
            Api.User owner = api.user();
            String g = api.guild(owner, "private");
            String c = api.channel(owner, g, "text");
            assertThat(api.post(owner, g, c, "before-freeze").statusCode()).isEqualTo(200);

            List<ProcessHandle> postgres = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(cmd -> cmd.contains(data.toString())).orElse(false))
                    .flatMap(p -> Stream.concat(Stream.of(p), p.descendants())).toList();
            assertThat(postgres).isNotEmpty();
            signal("STOP", postgres);
            try {
                long start = System.nanoTime();
                HttpResponse<String> frozen = api.post(owner, g, c, "during-freeze");
                long ms = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("[fault] database paused: POST answered %d in %d ms%n", frozen.statusCode(), ms);
                assertThat(frozen.statusCode()).as(frozen.body()).isEqualTo(503);
                assertThat(ms).as("bounded by the database bounds, far below the 10 s budget").isLessThan(6_000);
                HttpResponse<String> ready = view.get("/health/ready");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).contains("\"database\":{\"status\":\"degraded\"");

                // SPEC 2.2: the liveness probe opens the circuit; from then on requests are refused at once
                Eventually.until("the circuit opens", Duration.ofSeconds(10),
                        () -> view.get("/metrics").body(), metrics -> metrics.contains("filament_db_circuit_open 1.0"));
                for (int i = 0; i < 10; i++) {
                    long t = System.nanoTime();
                    HttpResponse<String> refused = api.post(owner, g, c, "refused-" + i);
                    long refusedMs = (System.nanoTime() - t) / 1_000_000;
                    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
                    assertThat(refusedMs).as("refused by the open circuit, not by a database wait").isLessThan(1_000);
                }
                assertThat(view.get("/health/ready").body()).contains("\"circuit\":\"open\"");
            } finally {
                signal("CONT", postgres);
            }
            int status = Eventually.until("a post succeeds after the resume", Duration.ofSeconds(20),
                    () -> api.post(owner, g, c, "after-resume").statusCode(), answer -> answer == 200);
            assertThat(status).as("recovers by itself").isEqualTo(200);
            assertThat(view.get("/metrics").body()).contains("filament_db_circuit_open 0.0");
            assertThat(view.get("/health/ready").body()).contains("\"circuit\":\"closed\"");
            String list = Api.ok(api.call(owner, "GET", "/guilds/" + g + "/channels/" + c + "/messages", null))
                    .toString();
            assertThat(list).contains("before-freeze").contains("after-resume").doesNotContain("refused-");
        }
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
        for (ProcessHandle p : processes) {
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Just enough of {@link RunningServer} for a server this test started itself. */
    private record RunningServerView(HttpClient http, int port) {
        Api api() {
            return new Api(Api.Target.loopback(http, port));
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
