package dev.filament.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Profiles and friends through the real wiring on PostgreSQL, over HTTP and the gateway (SPEC 4.5, 4.6, 9.5). */
@ExtendWith(PostgresExtension.class)
class PeopleE2ETest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    private static RunningServer s;
    private static Api api;
    private static TestDatabase database;

    @BeforeAll
    static void start(TestDatabase db) {
        database = db;
        s = RunningServer.start(db, Map.of());
        api = new Api(s);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static JsonNode ok(String method, Api.User u, String path, String body) throws Exception {
        return Api.ok(api.call(u, method, path, body));
    }

    private static JsonNode event(WsClient ws, String type, String field, String value) throws Exception {
        return ws.await(f -> type.equals(f.path("t").asText()) && value.equals(f.path("d").path(field).asText()))
                .get("d");
    }

    @Test
    void friendshipLifecycleReachesBothPartiesWithTheirOwnViews() throws Exception {
        Api.User alice = api.user();
        Api.User bob = api.user();
        try (WsClient a = WsClient.connect(s.port(), alice.token());
             WsClient b = WsClient.connect(s.port(), bob.token())) {
            a.await("ready");
            b.await("ready");
            JsonNode created = ok("POST", alice, "/friends/requests",
                    "{\"recipient_user_id\":\"" + bob.id() + "\"}");
            String request = created.get("request_id").asText();
            for (WsClient ws : new WsClient[] {a, b}) {
                JsonNode d = event(ws, "friend_request_create", "request_id", request);
                assertThat(d.get("sender_user_id").asText()).isEqualTo(alice.id());
                assertThat(d.get("actor_user_id").asText()).isEqualTo(alice.id());
            }
            assertThat(ok("GET", bob, "/friends/requests", null).get("incoming").get(0).get("request_id").asText())
                    .isEqualTo(request);

            Api.ok(api.call(bob, "POST", "/friends/requests/" + request + "/accept", null));
            JsonNode bobsView = event(b, "friend_request_update", "request_id", request);
            assertThat(bobsView.get("user_id").asText()).isEqualTo(bob.id());
            assertThat(bobsView.get("friend_user_id").asText()).isEqualTo(alice.id());
            JsonNode alicesView = event(a, "friend_request_update", "request_id", request);
            assertThat(alicesView.get("user_id").asText()).isEqualTo(alice.id());
            assertThat(alicesView.get("friendship_created_at_unix").asLong())
                    .isEqualTo(alicesView.get("updated_at_unix").asLong());
            assertThat(ok("GET", alice, "/friends", null).get("friends").get(0).get("user_id").asText())
                    .isEqualTo(bob.id());

            assertThat(api.call(alice, "DELETE", "/friends/" + bob.id(), null).statusCode()).isEqualTo(204);
            assertThat(event(b, "friend_remove", "user_id", bob.id()).get("friend_user_id").asText())
                    .isEqualTo(alice.id());
            assertThat(event(a, "friend_remove", "user_id", alice.id()).get("actor_user_id").asText())
                    .isEqualTo(alice.id());
            assertThat(ok("GET", bob, "/friends", null).get("friends")).isEmpty();
        }
    }

    @Test
    void profileUpdateReachesSelfFriendsAndCoMembersButNeverAStranger() throws Exception {
        Api.User subject = api.user();
        Api.User friend = api.user();
        Api.User coMember = api.user();
        Api.User stranger = api.user();
        String request = ok("POST", friend, "/friends/requests", "{\"recipient_user_id\":\"" + subject.id() + "\"}")
                .get("request_id").asText();
        Api.ok(api.call(subject, "POST", "/friends/requests/" + request + "/accept", null));
        api.join(coMember, api.guild(subject, "public"));
        api.guild(stranger, "public"); // the stranger's own guild shares nobody with the subject

        try (WsClient self = WsClient.connect(s.port(), subject.token());
             WsClient f = WsClient.connect(s.port(), friend.token());
             WsClient m = WsClient.connect(s.port(), coMember.token());
             WsClient x = WsClient.connect(s.port(), stranger.token())) {
            for (WsClient ws : new WsClient[] {self, f, m, x}) {
                ws.await("ready");
            }
            String name = "Renamed_" + subject.id().substring(20);
            JsonNode profile = ok("PATCH", subject, "/users/me/profile",
                    "{\"username\":\"" + name + "\",\"about_markdown\":\"**hi**\"}");
            assertThat(profile.get("username").asText()).isEqualTo(name);
            for (WsClient ws : new WsClient[] {self, f, m}) {
                JsonNode d = event(ws, "profile_update", "user_id", subject.id());
                assertThat(d.get("updated_fields").get("username").asText()).isEqualTo(name);
                assertThat(d.get("updated_fields").get("about_markdown").asText()).isEqualTo("**hi**");
                assertThat(d.get("updated_fields").get("about_markdown_tokens")).isNotEmpty();
            }
            // observer events keep their order: once the stranger has its own later update, the earlier one is past
            ok("PATCH", stranger, "/users/me/profile", "{\"about_markdown\":\"me\"}");
            event(x, "profile_update", "user_id", stranger.id());
            assertThat(x.frames()).noneMatch(fr -> subject.id().equals(fr.path("d").path("user_id").asText()));
        }

        JsonNode me = ok("GET", subject, "/auth/me", null);
        assertThat(me.get("about_markdown").asText()).isEqualTo("**hi**");
        assertThat(ok("GET", stranger, "/users/" + subject.id() + "/profile", null)).isEqualTo(me);
        JsonNode looked = ok("POST", stranger, "/users/lookup", "{\"user_ids\":[\"" + subject.id() + "\"]}");
        assertThat(looked.get("users").get(0).get("username").asText()).isEqualTo(me.get("username").asText());
        assertThat(api.call(stranger, "PATCH", "/users/me/profile",
                "{\"username\":\"" + me.get("username").asText().toLowerCase() + "\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void avatarUploadIsServedPubliclyTellsObserversAndQueuesTheReplacedFile() throws Exception {
        Api.User alice = api.user();
        try (WsClient a = WsClient.connect(s.port(), alice.token())) {
            a.await("ready");
            JsonNode first = Api.ok(uploadAvatar(alice, PNG));
            long version = first.get("avatar_version").asLong();
            assertThat(event(a, "profile_avatar_update", "user_id", alice.id()).get("avatar_version").asLong())
                    .isEqualTo(version);
            HttpResponse<byte[]> bytes = s.client.send(s.request("/users/" + alice.id() + "/avatar?v=" + version)
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(bytes.statusCode()).isEqualTo(200);
            assertThat(bytes.body()).isEqualTo(PNG);
            assertThat(bytes.headers().firstValue("Content-Type")).contains("image/png");
            String etag = bytes.headers().firstValue("ETag").orElseThrow();
            assertThat(s.send(s.request("/users/" + alice.id() + "/avatar").header("If-None-Match", etag).GET())
                    .statusCode()).isEqualTo(304);
            String oldKey = objectKey(alice.id());

            JsonNode second = Api.ok(uploadAvatar(alice, PNG));
            assertThat(second.get("avatar_version").asLong()).isGreaterThan(version);
            assertThat(objectKey(alice.id())).isNotEqualTo(oldKey);
            try (Connection c = database.dataSource().getConnection();
                 PreparedStatement q = c.prepareStatement("select extract(epoch from not_before - now())"
                         + " from blob_gc where object_key = ?")) {
                q.setString(1, oldKey);
                try (ResultSet r = q.executeQuery()) {
                    assertThat(r.next()).as("the replaced file is queued for the collector").isTrue();
                    assertThat(r.getDouble(1)).isBetween(30.0, 61.0);
                }
            }
            assertThat(uploadAvatar(alice, "<svg/>".getBytes()).statusCode()).isEqualTo(415);
            assertThat(objectKey(alice.id())).isNotEqualTo(oldKey);
        }
    }

    private static HttpResponse<String> uploadAvatar(Api.User u, byte[] body) throws Exception {
        return s.send(s.request("/users/me/profile/avatar").header("Authorization", "Bearer " + u.token())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static String objectKey(String user) throws Exception {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("select avatar_object_key from users where user_id = ?")) {
            q.setString(1, user);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
