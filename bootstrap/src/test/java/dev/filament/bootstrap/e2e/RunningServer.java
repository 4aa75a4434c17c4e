package dev.filament.bootstrap.e2e;

import dev.filament.bootstrap.FilamentServer;
import dev.filament.bootstrap.config.ConfigLoader;
import dev.filament.postgres.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The real server wiring on a random loopback port, against the per-JVM test database. */
public final class RunningServer implements AutoCloseable, Api.Target {
    public final FilamentServer server;
    public final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningServer(FilamentServer server) {
        this.server = server;
    }

    public static RunningServer start(TestDatabase db, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("FILAMENT_BIND_ADDR", "127.0.0.1:0");
        env.put("FILAMENT_DATABASE_URL", urlWithCredentials(db));
        env.put("FILAMENT_ATTACHMENT_ROOT", tempAttachmentRoot());
        env.putAll(overrides);
        return new RunningServer(FilamentServer.start(ConfigLoader.load(env, false)));
    }

    /** A blob store root of its own per server, so tests never write under the working directory. */
    static String tempAttachmentRoot() {
        try {
            return java.nio.file.Files.createTempDirectory("filament-blobs").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String urlWithCredentials(TestDatabase db) {
        String url = db.jdbcUrl();
        if (url.contains("user=")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "user=" + db.user() + "&password=" + db.password();
    }

    public int port() {
        return server.port();
    }

    @Override
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).timeout(Duration.ofSeconds(30));
    }

    @Override
    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    @Override
    public HttpResponse<String> postJson(String path, String body) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Override
    public void close() {
        server.close();
    }
}
