package dev.filament.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.bootstrap.FilamentServer;
import dev.filament.bootstrap.config.ConfigLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no database URL the server runs its own PostgreSQL in FILAMENT_DATA_DIR and keeps it across restarts. */
class EmbeddedDefaultTest {

    @Test
    void startsEmbeddedDatabaseInTheDataDirAndRestartsOnIt(@TempDir Path dataDir) throws Exception {
        Map<String, String> env = Map.of("FILAMENT_BIND_ADDR", "127.0.0.1:0", "FILAMENT_DATA_DIR", dataDir.toString(),
                "FILAMENT_ATTACHMENT_ROOT", dataDir.resolve("attachments").toString());
        for (int run = 0; run < 2; run++) {
            try (FilamentServer server = FilamentServer.start(ConfigLoader.load(env, false));
                 HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
            }
            assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();
        }
    }
}
