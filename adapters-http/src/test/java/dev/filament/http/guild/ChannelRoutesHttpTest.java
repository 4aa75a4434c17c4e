package dev.filament.http.guild;

import static dev.filament.http.testing.HttpFixture.accepted;
import static dev.filament.http.testing.HttpFixture.error;
import static dev.filament.http.testing.HttpFixture.json;
import static dev.filament.http.testing.HttpFixture.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.domain.guild.Visibility;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.GuildId;
import dev.filament.http.testing.HttpFixture.Caller;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC 5.8 over real HTTP: channels, the caller's channel permissions and both override routes. */
class ChannelRoutesHttpTest {
    private static GuildHttpFixture f;

    @BeforeAll
    static void start() {
        f = new GuildHttpFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String channels(GuildId g) {
        return "/guilds/" + g.value() + "/channels";
    }

    private static String create(Caller c, GuildId g, String body) throws Exception {
        return json(f.http.post(channels(g), c, body), 200).get("channel_id").asText();
    }

    @Test
    void createChannelAnswersTheChannelShapeDefaultingToText() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        JsonNode text = json(f.http.post(channels(g), owner, "{\"name\":\"general\"}"), 200);
        assertThat(GuildRoutesHttpTest.fieldNames(text)).containsExactly("channel_id", "name", "kind");
        assertThat(text).isEqualTo(tree("{\"channel_id\":\"" + text.get("channel_id").asText()
                + "\",\"name\":\"general\",\"kind\":\"text\"}"));
        JsonNode voice = json(f.http.post(channels(g), owner, "{\"name\":\"lobby\",\"kind\":\"voice\"}"), 200);
        assertThat(voice.get("kind").asText()).isEqualTo("voice");
        assertThat(json(f.http.get(channels(g), owner), 200))
                .isEqualTo(tree("{\"channels\":[" + text + "," + voice + "]}"));
        assertThat(f.guilds.handOffs.events("channel_create")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void createChannelErrorsWriteNothing() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        Caller plain = f.member(g);
        String before = f.snapshot();
        for (String body : List.of("{\"name\":\"x\",\"kind\":\"video\"}", "{\"name\":\"x\",\"kind\":\"TEXT\"}",
                "{\"kind\":\"text\"}", "{\"name\":\"x\",\"topic\":\"y\"}", "{\"name\":[\"x\"]}")) {
            error(f.http.post(channels(g), owner, body), 422, "invalid_request");
        }
        error(f.http.post(channels(g), owner, "{\"name\":\"   \"}"), 400, "invalid_request");
        error(f.http.post(channels(g), owner, "{\"name\":\"" + "n".repeat(65) + "\"}"), 400, "invalid_request");
        error(f.http.post(channels(g), plain, "{\"name\":\"mine\"}"), 403, "forbidden");
        error(f.http.post(channels(g), f.user(), "{\"name\":\"mine\"}"), 403, "forbidden");
        f.assertUnchanged(before);
    }

    @Test
    void overridesChangeWhatAMemberSeesAndMayDoInAChannel() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        Caller member = f.member(g);
        String open = create(owner, g, "{\"name\":\"open\"}");
        String hidden = create(owner, g, "{\"name\":\"hidden\"}");
        String self = channels(g) + "/" + open + "/permissions/self";
        assertThat(json(f.http.get(self, member), 200))
                .isEqualTo(tree("{\"role\":\"member\",\"permissions\":[\"create_message\",\"subscribe_streams\"]}"));

        accepted(f.http.post(channels(g) + "/" + hidden + "/overrides/member", owner,
                "{\"allow\":[],\"deny\":[\"create_message\"]}"));
        assertThat(json(f.http.get(channels(g), member), 200).get("channels")).extracting(c -> c.get("channel_id").asText())
                .containsExactly(open);
        error(f.http.get(channels(g) + "/" + hidden + "/permissions/self", member), 403, "forbidden");

        accepted(f.http.post(channels(g) + "/" + open + "/permission-overrides/member/" + member.id().value().toLowerCase(),
                owner, "{\"allow\":[\"publish_video\",\"delete_message\"],\"deny\":[]}"));
        assertThat(json(f.http.get(self, member), 200).get("permissions")).extracting(JsonNode::asText)
                .containsExactly("delete_message", "create_message", "publish_video", "subscribe_streams");
        JsonNode owners = json(f.http.get(self, owner), 200);
        assertThat(owners.get("role").asText()).isEqualTo("owner");
        assertThat(owners.get("permissions")).hasSize(12);
        assertThat(f.auditActions(g)).containsExactly("channel.permission_override.update",
                "channel.permission_override.update");
        JsonNode event = tree(f.guilds.handOffs.events("workspace_channel_permission_override_update").getLast()
                .payloadJson());
        assertThat(event.get("target_id").asText()).isEqualTo(member.id().value());
        assertThat(event.get("updated_fields")).isEqualTo(tree("{\"allow\":[\"delete_message\",\"publish_video\"],"
                + "\"deny\":[]}"));

        String role = f.guilds.seeded(g, SystemRoleKey.MEMBER).id().value();
        accepted(f.http.post(channels(g) + "/" + hidden + "/permission-overrides/role/" + role, owner,
                "{\"allow\":[],\"deny\":[]}"));
        assertThat(json(f.http.get(channels(g), member), 200).get("channels")).hasSize(2);
    }

    @Test
    void legacyAliasPublishesTheGenericEventThenTheRoleOverrideEvent_toGuildScope() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        String ch = create(owner, g, "{\"name\":\"mods\"}");
        String moderator = f.guilds.seeded(g, SystemRoleKey.MODERATOR).id().value();
        accepted(f.http.post(channels(g) + "/" + ch + "/overrides/moderator", owner,
                "{\"allow\":[\"publish_video\",\"create_message\"],\"deny\":[\"ban_member\",\"delete_message\"]}"));
        List<GatewayEvent> mine = f.guilds.handOffs.events().stream()
                .filter(e -> e.scope().equals(GatewayEvent.Scope.guild(g)))
                .filter(e -> e.type().startsWith("workspace_channel_")).toList();
        assertThat(mine).extracting(GatewayEvent::type).containsExactly(
                "workspace_channel_permission_override_update", "workspace_channel_role_override_update");
        String tail = "\"updated_fields\":{\"allow\":[\"create_message\",\"publish_video\"],"
                + "\"deny\":[\"delete_message\",\"ban_member\"]},\"updated_at_unix\":"
                + f.guilds.clock.instant().getEpochSecond() + ",\"actor_user_id\":\"" + owner.id().value() + "\"}";
        assertThat(mine.get(0).payloadJson()).isEqualTo("{\"guild_id\":\"" + g.value() + "\",\"channel_id\":\""
                + ch + "\",\"target_kind\":\"role\",\"target_id\":\"" + moderator + "\"," + tail);
        assertThat(mine.get(1).payloadJson()).isEqualTo("{\"guild_id\":\"" + g.value() + "\",\"channel_id\":\""
                + ch + "\",\"role\":\"moderator\"," + tail);

        accepted(f.http.post(channels(g) + "/" + ch + "/permission-overrides/role/" + moderator, owner,
                "{\"allow\":[],\"deny\":[]}"));
        assertThat(f.guilds.handOffs.events().stream().filter(e -> e.scope().equals(GatewayEvent.Scope.guild(g)))
                .map(GatewayEvent::type).filter(t -> t.startsWith("workspace_channel_")).toList()).containsExactly(
                "workspace_channel_permission_override_update", "workspace_channel_role_override_update",
                "workspace_channel_permission_override_update");
    }

    @Test
    void overridePathAndBodyErrors() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        Caller plain = f.member(g);
        String c = create(owner, g, "{\"name\":\"c\"}");
        String base = channels(g) + "/" + c;
        String member = plain.id().value();
        String ok = "{\"allow\":[],\"deny\":[\"create_message\"]}";
        String before = f.snapshot();
        for (String path : List.of("/permission-overrides/everyone/" + member, "/permission-overrides/Role/" + member,
                "/permission-overrides/member/nope", "/overrides/admin", "/overrides/Owner", "/overrides/workspace_owner",
                "/permission-overrides/role/" + member)) {
            error(f.http.post(base + path, owner, ok), 404, "not_found");
        }
        error(f.http.post(channels(g) + "/" + member + "/overrides/member", owner, ok), 404, "not_found");
        error(f.http.post(base + "/permission-overrides/member/" + f.guilds.ids.next(), owner, ok), 404, "not_found");
        for (String body : List.of("{\"allow\":[]}", "{\"deny\":[]}", "{\"allow\":null,\"deny\":[]}",
                "{\"allow\":[\"sing\"],\"deny\":[]}", "{\"allow\":[],\"deny\":[\"ban_member\"],\"x\":true}",
                "{\"allow\":{},\"deny\":[]}")) {
            error(f.http.post(base + "/overrides/member", owner, body), 422, "invalid_request");
        }
        error(f.http.post(base + "/overrides/member", owner, "{\"allow\":[\"ban_member\"],\"deny\":[\"ban_member\"]}"),
                400, "invalid_request");
        error(f.http.post(base + "/overrides/member", owner, "allow=ban_member"), 400, "invalid_request");
        error(f.http.post(base + "/overrides/moderator", plain, ok), 403, "forbidden");
        f.assertUnchanged(before);
    }
}
