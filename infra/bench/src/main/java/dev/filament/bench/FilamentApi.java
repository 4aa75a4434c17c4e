package dev.filament.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The few Filament API calls the scenarios need for setup (SPEC 4.3, 5.7, 5.8, 6.7) and to build load requests. */
final class FilamentApi {
    private static final String PASSWORD = "bench-password-0123";

    private final HttpClient client;
    private final URI base;
    private final ObjectMapper json = new ObjectMapper();
    private final Duration timeout;

    FilamentApi(HttpClient client, URI base, Duration timeout) {
        this.client = client;
        this.base = base;
        this.timeout = timeout;
    }

    URI base() {
        return base;
    }

    /** Registers {@code username} and logs in; returns the access token. */
    String registerAndLogin(String username) throws IOException, InterruptedException {
        call(post("/auth/register", null, Map.of("username", username, "password", PASSWORD)));
        return call(post("/auth/login", null, Map.of("username", username, "password", PASSWORD)))
                .get("access_token").asText();
    }

    String createGuild(String token, String name, String visibility) throws IOException, InterruptedException {
        return call(post("/guilds", token, Map.of("name", name, "visibility", visibility))).get("guild_id").asText();
    }

    String createChannel(String token, String guildId, String name) throws IOException, InterruptedException {
        return call(post("/guilds/" + guildId + "/channels", token, Map.of("name", name)))
                .get("channel_id").asText();
    }

    void join(String token, String guildId) throws IOException, InterruptedException {
        call(HttpRequest.newBuilder(base.resolve("/guilds/" + guildId + "/join")).timeout(timeout)
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + token).GET().build();
    }

    HttpRequest postMessage(String token, String guildId, String channelId, String content) {
        return post("/guilds/" + guildId + "/channels/" + channelId + "/messages", token, Map.of("content", content));
    }

    /** Sends a load request and returns its status as the outcome label; the body is read and dropped. */
    String status(HttpRequest request) throws IOException, InterruptedException {
        return Integer.toString(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    private HttpRequest post(String path, String token, Map<String, String> body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private JsonNode call(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("setup call " + request.method() + " " + request.uri().getPath()
                    + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + body, e);
        }
    }
}
