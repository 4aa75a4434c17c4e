package dev.filament.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** Small typed calls against a running server: users, guilds, channels, messages. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private final RunningServer s;

    Api(RunningServer s) {
        this.s = s;
    }

    record User(String id, String token, String refreshToken) {
    }

    User user() throws Exception {
        String name = "u_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String creds = "{\"username\":\"" + name + "\",\"password\":\"correct horse battery\"}";
        s.postJson("/auth/register", creds);
        JsonNode login = JSON.readTree(s.postJson("/auth/login", creds).body());
        String token = login.get("access_token").asText();
        String id = JSON.readTree(call(token, "GET", "/auth/me", null).body()).get("user_id").asText();
        return new User(id, token, login.get("refresh_token").asText());
    }

    HttpResponse<String> call(User u, String method, String path, String body) throws Exception {
        return call(u.token(), method, path, body);
    }

    HttpResponse<String> call(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = s.request(path).header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return s.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    String guild(User owner, String visibility) throws Exception {
        return ok(call(owner, "POST", "/guilds", "{\"name\":\"G\",\"visibility\":\"" + visibility + "\"}"))
                .get("guild_id").asText();
    }

    String channel(User owner, String guild, String kind) throws Exception {
        return ok(call(owner, "POST", "/guilds/" + guild + "/channels",
                "{\"name\":\"c\",\"kind\":\"" + kind + "\"}")).get("channel_id").asText();
    }

    void join(User u, String guild) throws Exception {
        ok(call(u, "POST", "/guilds/" + guild + "/join", null));
    }

    HttpResponse<String> post(User u, String guild, String channel, String content) throws Exception {
        return call(u, "POST", "/guilds/" + guild + "/channels/" + channel + "/messages",
                "{\"content\":\"" + content + "\"}");
    }
}
