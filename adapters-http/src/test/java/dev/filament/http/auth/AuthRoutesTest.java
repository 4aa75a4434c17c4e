package dev.filament.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC 4.3 over real HTTP: shapes, status codes, and that bad input writes nothing. */
class AuthRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static IdentityFixture f;

    @BeforeAll
    static void start() {
        f = new IdentityFixture(1_000);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static String uniqueName() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static String creds(String name, String password) {
        return "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}";
    }

    JsonNode login(String name) throws Exception {
        HttpResponse<String> r = f.http.postJson("/auth/login", creds(name, "correct horse battery"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    String registered() throws Exception {
        String name = uniqueName();
        assertThat(f.http.postJson("/auth/register", creds(name, "correct horse battery")).body())
                .isEqualTo("{\"accepted\":true}");
        return name;
    }

    HttpResponse<String> me(String accessToken) throws Exception {
        return f.http.send(f.http.request("/auth/me").header("Authorization", "Bearer " + accessToken));
    }

    @Test
    void withCaptchaDisabledTheTokenMustBeAStringOrNullAndIsIgnored() throws Exception {
        String body = "{\"username\":\"" + uniqueName() + "\",\"password\":\"correct horse battery\",";
        assertThat(f.http.postJson("/auth/register", body + "\"captcha_token\":\"x\"}").statusCode()).isEqualTo(200);
        assertThat(f.http.postJson("/auth/register", body + "\"captcha_token\":null}").statusCode()).isEqualTo(200);
        assertThat(f.http.postJson("/auth/register", body + "\"captcha_token\":1}").statusCode()).isEqualTo(422);
    }

    @Test
    void registerNeverRevealsWhetherTheNameExists() throws Exception {
        String name = registered();
        HttpResponse<String> again = f.http.postJson("/auth/register", creds(name.toUpperCase(), "another password!"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("{\"accepted\":true}");
    }

    @Test
    void badRegisterInputIsAJsonErrorAndWritesNothing() throws Exception {
        int before = f.users.count();
        assertThat(f.http.postJson("/auth/register", creds("ab", "correct horse battery")).statusCode())
                .isEqualTo(400);
        assertThat(f.http.postJson("/auth/register", creds(uniqueName(), "short")).statusCode()).isEqualTo(400);
        assertThat(f.http.postJson("/auth/register", "{\"username\":\"abcdef\"}").statusCode()).isEqualTo(422);
        assertThat(f.http.postJson("/auth/register", "{\"username\":\"abcdef\",\"password\":\"x\",\"admin\":true}")
                .statusCode()).isEqualTo(422);
        assertThat(f.http.postJson("/auth/register", "{\"username\":1,\"password\":\"correct horse battery\"}")
                .statusCode()).isEqualTo(422);
        assertThat(f.http.postJson("/auth/register", "not json").statusCode()).isEqualTo(400);
        assertThat(f.http.postJson("/auth/register?x=1", creds(uniqueName(), "correct horse battery"))
                .statusCode()).as("no query parameters on auth routes").isEqualTo(400);
        HttpResponse<String> noType = f.http.send(f.http.request("/auth/register")
                .POST(HttpRequest.BodyPublishers.ofString(creds(uniqueName(), "correct horse battery"))));
        assertThat(noType.statusCode()).isEqualTo(415);
        assertThat(f.users.count()).isEqualTo(before);
    }

    @Test
    void loginIssuesTokensAndMeAnswersTheExactShape() throws Exception {
        String name = registered();
        JsonNode tokens = login(name.toUpperCase());
        assertThat(tokens.fieldNames()).toIterable().containsExactly("access_token", "refresh_token", "expires_in_secs");
        assertThat(tokens.get("expires_in_secs").asInt()).isEqualTo(900);
        HttpResponse<String> me = me(tokens.get("access_token").asText());
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(me.body());
        assertThat(body.fieldNames()).toIterable().containsExactly("user_id", "username", "about_markdown",
                "about_markdown_tokens", "avatar_version", "banner_version");
        assertThat(body.get("username").asText()).isEqualTo(name);
        assertThat(body.get("about_markdown_tokens").isArray()).isTrue();
        assertThat(body.get("about_markdown_tokens")).isEmpty();
    }

    @Test
    void failuresAre401WithBearerChallenge() throws Exception {
        String name = registered();
        HttpResponse<String> wrong = f.http.postJson("/auth/login", creds(name, "wrong password 123"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("\"error\":\"invalid_credentials\"");
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(f.http.postJson("/auth/login", creds(uniqueName(), "correct horse battery")).statusCode())
                .isEqualTo(401);
        assertThat(f.http.get("/auth/me").statusCode()).isEqualTo(401);
        assertThat(me("not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    void refreshRotatesAndReplayRevokesTheSession() throws Exception {
        JsonNode first = login(registered());
        String oldRefresh = first.get("refresh_token").asText();
        HttpResponse<String> rotated = f.http.postJson("/auth/refresh",
                "{\"refresh_token\":\"" + oldRefresh + "\"}");
        assertThat(rotated.statusCode()).isEqualTo(200);
        JsonNode second = JSON.readTree(rotated.body());
        assertThat(second.get("refresh_token").asText()).isNotEqualTo(oldRefresh);
        assertThat(me(second.get("access_token").asText()).statusCode()).isEqualTo(200);

        HttpResponse<String> replay = f.http.postJson("/auth/refresh", "{\"refresh_token\":\"" + oldRefresh + "\"}");
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(me(second.get("access_token").asText()).statusCode()).as("session revoked").isEqualTo(401);
        assertThat(f.http.postJson("/auth/refresh", "{\"refresh_token\":\"garbage\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void logoutCutsAccessAtOnce() throws Exception {
        JsonNode tokens = login(registered());
        HttpResponse<String> out = f.http.postJson("/auth/logout",
                "{\"refresh_token\":\"" + tokens.get("refresh_token").asText() + "\"}");
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.body()).isEmpty();
        assertThat(me(tokens.get("access_token").asText()).statusCode()).isEqualTo(401);
        assertThat(f.http.postJson("/auth/logout", "{\"refresh_token\":\"x.y\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void lookupKeepsFirstAppearanceOrderAndValidatesEntries() throws Exception {
        String a = registered();
        String b = registered();
        String token = login(a).get("access_token").asText();
        String idA = JSON.readTree(me(token).body()).get("user_id").asText();
        String idB = JSON.readTree(me(login(b).get("access_token").asText()).body()).get("user_id").asText();
        String unknown = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
        HttpResponse<String> r = lookup(token, "[\"" + idB + "\",\"" + idA.toLowerCase() + "\",\"" + idB + "\",\""
                + unknown + "\"]");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode users = JSON.readTree(r.body()).get("users");
        assertThat(users).hasSize(2);
        assertThat(users.get(0).get("user_id").asText()).isEqualTo(idB);
        assertThat(users.get(1).get("username").asText()).isEqualTo(a);
        assertThat(users.get(1).get("avatar_version").asInt()).isZero();
        assertThat(lookup(token, "[]").statusCode()).isEqualTo(400);
        assertThat(lookup(token, "[\"nope\"]").statusCode()).isEqualTo(400);
        assertThat(lookup(token, "[1]").statusCode()).isEqualTo(422);
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 65; i++) {
            many.append(i == 0 ? "" : ",").append('"').append(unknown).append('"');
        }
        assertThat(lookup(token, many.append(']').toString()).statusCode()).isEqualTo(400);
        assertThat(f.http.postJson("/users/lookup", "{\"user_ids\":[\"" + unknown + "\"]}").statusCode())
                .as("needs a token").isEqualTo(401);
    }

    HttpResponse<String> lookup(String token, String ids) throws Exception {
        return f.http.send(f.http.request("/users/lookup").header("Authorization", "bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user_ids\":" + ids + "}")));
    }
}
