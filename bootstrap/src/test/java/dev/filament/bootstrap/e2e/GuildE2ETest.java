package dev.filament.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Guild core through the real wiring on PostgreSQL: create, join, channels, roles, moderation, audit. */
@ExtendWith(PostgresExtension.class)
class GuildE2ETest {
    private static RunningServer s;

    private static Api api;

    @BeforeAll
    static void start(TestDatabase db) {
        s = RunningServer.start(db, Map.of());
        api = new Api(s);
    }

    static Api.User user() throws Exception {
        return api.user();
    }

    static HttpResponse<String> call(Api.User u, String method, String path, String body) throws Exception {
        return api.call(u, method, path, body);
    }

    static JsonNode ok(HttpResponse<String> r) throws Exception {
        return Api.ok(r);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void ownerBuildsAGuildAMemberJoinsAndModerationIsAudited() throws Exception {
        Api.User owner = user();
        Api.User member = user();
        JsonNode guild = ok(call(owner, "POST", "/guilds", "{\"name\":\"E2E Guild\",\"visibility\":\"public\"}"));
        String g = guild.get("guild_id").asText();
        assertThat(guild.get("visibility").asText()).isEqualTo("public");

        JsonNode general = ok(call(owner, "POST", "/guilds/" + g + "/channels", "{\"name\":\"general\"}"));
        JsonNode staff = ok(call(owner, "POST", "/guilds/" + g + "/channels", "{\"name\":\"staff\"}"));
        ok(call(owner, "POST", "/guilds/" + g + "/channels/" + staff.get("channel_id").asText()
                + "/overrides/member", "{\"allow\":[],\"deny\":[\"create_message\"]}"));

        JsonNode joined = ok(call(member, "POST", "/guilds/" + g + "/join", null));
        assertThat(joined.get("outcome").asText()).isEqualTo("accepted");
        JsonNode visible = ok(call(member, "GET", "/guilds/" + g + "/channels", null)).get("channels");
        assertThat(visible).extracting(c -> c.get("channel_id").asText())
                .containsExactly(general.get("channel_id").asText());
        assertThat(ok(call(owner, "GET", "/guilds/" + g + "/channels", null)).get("channels")).hasSize(2);

        assertThat(call(member, "POST", "/guilds/" + g + "/members/" + owner.id() + "/kick", null).statusCode())
                .as("a member cannot kick").isEqualTo(403);
        ok(call(owner, "POST", "/guilds/" + g + "/members/" + member.id() + "/ban", null));
        assertThat(call(member, "POST", "/guilds/" + g + "/join", null).body())
                .contains("directory_join_user_banned");

        JsonNode events = ok(call(owner, "GET", "/guilds/" + g + "/audit?action_prefix=member.", null))
                .get("events");
        assertThat(events).extracting(e -> e.get("action").asText()).containsExactly("member.ban");
        assertThat(events.get(0).get("target_user_id").asText()).isEqualTo(member.id());
        assertThat(events.get(0).has("details")).as("details never leave the server").isFalse();
    }
    @Test
    void theLegacyOverrideAliasReachesGuildSubscribersAsBothOverrideEvents() throws Exception {
        Api.User owner = user();
        Api.User member = user();
        String g = api.guild(owner, "public");
        String watched = api.channel(owner, g, "text");
        String changed = api.channel(owner, g, "text");
        api.join(member, g);
        String moderator = null;
        for (JsonNode role : ok(call(owner, "GET", "/guilds/" + g + "/roles", null)).get("roles")) { // seeded only
            if ("moderator".equals(role.get("name").asText())) {
                moderator = role.get("role_id").asText();
            }
        }
        assertThat(moderator).isNotNull();
        try (WsClient ws = WsClient.connect(s.port(), member.token())) {
            ws.await("ready");
            ws.subscribe(g, watched);
            ws.await("voice_participant_sync");
            ok(call(owner, "POST", "/guilds/" + g + "/channels/" + changed + "/overrides/moderator",
                    "{\"allow\":[\"publish_video\",\"create_message\"],\"deny\":[\"delete_message\"]}"));
            JsonNode legacy = ws.await("workspace_channel_role_override_update").get("d");
            List<JsonNode> overrides = ws.frames().stream()
                    .filter(f -> f.path("t").asText().startsWith("workspace_channel_")).toList();
            assertThat(overrides).extracting(f -> f.get("t").asText()).containsExactly(
                    "workspace_channel_permission_override_update", "workspace_channel_role_override_update");
            JsonNode generic = overrides.get(0).get("d");
            String lists = "{\"allow\":[\"create_message\",\"publish_video\"],\"deny\":[\"delete_message\"]}";
            assertThat(generic.get("target_kind").asText()).isEqualTo("role");
            assertThat(generic.get("target_id").asText()).isEqualTo(moderator);
            assertThat(generic.get("updated_fields").toString()).isEqualTo(lists);
            assertThat(legacy.properties()).extracting(Map.Entry::getKey).containsExactly("guild_id", "channel_id",
                    "role", "updated_fields", "updated_at_unix", "actor_user_id");
            assertThat(legacy.get("guild_id").asText()).isEqualTo(g);
            assertThat(legacy.get("channel_id").asText()).isEqualTo(changed);
            assertThat(legacy.get("role").asText()).isEqualTo("moderator");
            assertThat(legacy.get("updated_fields").toString()).isEqualTo(lists);
            assertThat(legacy.get("updated_at_unix").asLong()).isEqualTo(generic.get("updated_at_unix").asLong());
            assertThat(legacy.get("actor_user_id").asText()).isEqualTo(owner.id());
        }
    }

    @Test
    void cursorsAtTheEdgesOfInt64GiveAFullOrAnEmptyPage_never500() throws Exception {
        Api.User owner = user();
        Api.User banned = user();
        String g = ok(call(owner, "POST", "/guilds", "{\"name\":\"Edges\",\"visibility\":\"private\"}"))
                .get("guild_id").asText();
        ok(call(owner, "POST", "/guilds/" + g + "/members/" + banned.id() + "/ban", null));
        String someId = banned.id();
        // 9224318016000 is one second past PostgreSQL's last timestamp; the int64 extremes are past Java's Instant
        for (String time : new String[] {"9224318016000", String.valueOf(Long.MAX_VALUE), "253402300800"}) {
            String cursor = "?cursor=" + time + "_" + someId;
            assertThat(ok(call(owner, "GET", "/guilds/" + g + "/bans" + cursor, null)).get("bans"))
                    .as("every ban is older than a far-future cursor").hasSize(1);
            assertThat(ok(call(owner, "GET", "/guilds/" + g + "/audit" + cursor, null)).get("events"))
                    .extracting(e -> e.get("action").asText()).contains("member.ban");
            assertThat(call(owner, "GET", "/guilds/" + g + "/ip-bans" + cursor, null).statusCode()).isEqualTo(200);
        }
        for (String time : new String[] {String.valueOf(Long.MIN_VALUE), "-9224318016000", "-62135596801"}) {
            String cursor = "?cursor=" + time + "_" + someId;
            assertThat(ok(call(owner, "GET", "/guilds/" + g + "/bans" + cursor, null)).get("bans")).isEmpty();
            assertThat(ok(call(owner, "GET", "/guilds/" + g + "/audit" + cursor, null)).get("events")).isEmpty();
            assertThat(ok(call(owner, "GET", "/guilds/" + g + "/ip-bans" + cursor, null)).get("bans")).isEmpty();
        }
    }
}
