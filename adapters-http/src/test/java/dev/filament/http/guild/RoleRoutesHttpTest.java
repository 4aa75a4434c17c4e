package dev.filament.http.guild;

import static dev.filament.http.testing.HttpFixture.accepted;
import static dev.filament.http.testing.HttpFixture.error;
import static dev.filament.http.testing.HttpFixture.json;
import static dev.filament.http.testing.HttpFixture.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.domain.guild.Visibility;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.GuildId;
import dev.filament.http.testing.HttpFixture.Caller;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC 5.9 over real HTTP: the Role shape, every role route, and the schema rules of their bodies. */
class RoleRoutesHttpTest {
    private static GuildHttpFixture f;

    @BeforeAll
    static void start() {
        f = new GuildHttpFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String roles(GuildId g) {
        return "/guilds/" + g.value() + "/roles";
    }

    private static JsonNode createRole(Caller c, GuildId g, String body) throws Exception {
        return json(f.http.post(roles(g), c, body), 200);
    }

    @Test
    void listRolesShowsTheSeededRolesHighestFirstInTheRoleShape() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        JsonNode list = json(f.http.get(roles(g), f.member(g)), 200);
        assertThat(GuildRoutesHttpTest.fieldNames(list)).containsExactly("roles", "default_join_role_id");
        assertThat(list.get("default_join_role_id").isNull()).isTrue();
        assertThat(list.get("roles")).extracting(r -> r.get("name").asText())
                .containsExactly("workspace_owner", "moderator", "member", "@everyone");
        String everyone = f.guilds.seeded(g, SystemRoleKey.EVERYONE).id().value();
        assertThat(list.get("roles").get(3)).isEqualTo(tree("{\"role_id\":\"" + everyone + "\",\"name\":\"@everyone\","
                + "\"position\":0,\"is_system\":true,\"permissions\":[\"create_message\",\"subscribe_streams\"],"
                + "\"color_hex\":null}"));
        assertThat(list.get("roles").get(0).get("permissions")).extracting(JsonNode::asText).containsExactly(
                "manage_roles", "manage_member_roles", "manage_workspace_roles", "manage_channel_overrides",
                "delete_message", "ban_member", "view_audit_log", "manage_ip_bans", "create_message",
                "publish_video", "publish_screen_share", "subscribe_streams");
        error(f.http.get(roles(g), f.user()), 403, "forbidden");
    }

    @Test
    void createRoleAnswersTheRoleWithSortedPermissionsAndUpperCaseColour() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        f.guilds.handOffs.clear();
        JsonNode role = createRole(owner, g, "{\"name\":\"  Helpers \",\"permissions\":[\"subscribe_streams\","
                + "\"delete_message\",\"delete_message\"],\"position\":50,\"color_hex\":\"#a1b2c3\"}");
        assertThat(GuildRoutesHttpTest.fieldNames(role)).containsExactly("role_id", "name", "position", "is_system",
                "permissions", "color_hex");
        String id = role.get("role_id").asText();
        assertThat(role).isEqualTo(tree("{\"role_id\":\"" + id + "\",\"name\":\"Helpers\",\"position\":50,"
                + "\"is_system\":false,\"permissions\":[\"delete_message\",\"subscribe_streams\"],"
                + "\"color_hex\":\"#A1B2C3\"}"));
        // The event payload went through the Jackson serializer and carries the same Role shape.
        JsonNode event = tree(f.guilds.handOffs.events("workspace_role_create").get(0).payloadJson());
        assertThat(event.get("role")).isEqualTo(role);
        assertThat(f.auditActions(g)).containsExactly("role.create");

        JsonNode defaulted = createRole(owner, g, "{\"name\":\"plain\",\"permissions\":[],\"color_hex\":null}");
        assertThat(defaulted.get("position").asInt()).isEqualTo(9999);
        assertThat(defaulted.get("color_hex").isNull()).isTrue();
        assertThat(defaulted.get("permissions")).isEmpty();
    }

    @Test
    void createRoleSchemaErrorsAre422SemanticErrors400AndNothingIsWritten() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        Caller moderator = f.member(g, SystemRoleKey.MODERATOR);
        String before = f.snapshot();
        for (String body : List.of(
                "{\"name\":\"r\",\"permissions\":[\"fly\"]}",
                "{\"name\":\"r\",\"permissions\":[\"MANAGE_ROLES\"]}",
                "{\"name\":\"r\"}",
                "{\"name\":\"r\",\"permissions\":null}",
                "{\"name\":\"r\",\"permissions\":\"manage_roles\"}",
                "{\"name\":\"r\",\"permissions\":[1]}",
                "{\"name\":null,\"permissions\":[]}",
                "{\"name\":\"r\",\"permissions\":[],\"position\":1.5}",
                "{\"name\":\"r\",\"permissions\":[],\"position\":\"5\"}",
                "{\"name\":\"r\",\"permissions\":[],\"color_hex\":5}",
                "{\"name\":\"r\",\"permissions\":[],\"colour\":\"#FFFFFF\"}")) {
            error(f.http.post(roles(g), owner, body), 422, "invalid_request");
        }
        for (String body : List.of(
                "{\"name\":\"r\",\"permissions\":[],\"position\":0}",
                "{\"name\":\"r\",\"permissions\":[],\"position\":10000}",
                "{\"name\":\"r\",\"permissions\":[],\"position\":1099511627776}",
                "{\"name\":\"r\",\"permissions\":[],\"color_hex\":\"#12345\"}",
                "{\"name\":\"   \",\"permissions\":[]}",
                "{\"name\":\"@Everyone\",\"permissions\":[]}")) {
            error(f.http.post(roles(g), owner, body), 400, "invalid_request");
        }
        error(f.http.post(roles(g), moderator, "{\"name\":\"r\",\"permissions\":[]}"), 403,
                "forbidden");
        f.assertUnchanged(before);
    }

    @Test
    void patchRoleTreatsColourAsTriState() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        String id = createRole(owner, g, "{\"name\":\"tint\",\"permissions\":[],\"color_hex\":\"#00ff00\"}")
                .get("role_id").asText();
        String path = roles(g) + "/" + id;
        JsonNode renamed = json(f.http.send("PATCH", path, owner, "{\"name\":\"shade\"}"), 200);
        assertThat(renamed.get("name").asText()).isEqualTo("shade");
        assertThat(renamed.get("color_hex").asText()).isEqualTo("#00FF00");
        JsonNode cleared = json(f.http.send("PATCH", path, owner, "{\"color_hex\":null,\"permissions\":[\"ban_member\"]}"),
                200);
        assertThat(cleared).isEqualTo(tree("{\"role_id\":\"" + id + "\",\"name\":\"shade\",\"position\":9999,"
                + "\"is_system\":false,\"permissions\":[\"ban_member\"],\"color_hex\":null}"));
        assertThat(f.auditActions(g)).containsExactly("role.create", "role.update", "role.permissions.update",
                "role.color.update");

        String before = f.snapshot();
        error(f.http.send("PATCH", path, owner, "{}"), 400, "invalid_request");
        error(f.http.send("PATCH", path, owner, "{\"name\":null}"), 400, "invalid_request");
        error(f.http.send("PATCH", path, owner, "{\"permissions\":[\"nope\"]}"), 422, "invalid_request");
        error(f.http.send("PATCH", path, owner, "{\"color_hex\":false}"), 422, "invalid_request");
        error(f.http.send("PATCH", path, owner, "{\"position\":3}"), 422, "invalid_request");
        error(f.http.send("PATCH", roles(g) + "/" + f.guilds.seeded(g, SystemRoleKey.EVERYONE).id().value(), owner,
                "{\"name\":\"all\"}"), 403, "forbidden");
        error(f.http.send("PATCH", roles(g) + "/" + owner.id().value(), owner, "{\"name\":\"x\"}"), 404, "not_found");
        f.assertUnchanged(before);
    }

    @Test
    void deleteRoleIsAcceptedOnceAndSeededRolesAreForbidden() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        String id = createRole(owner, g, "{\"name\":\"temp\",\"permissions\":[]}").get("role_id").asText();
        accepted(f.http.send("DELETE", roles(g) + "/" + id, owner, null));
        error(f.http.send("DELETE", roles(g) + "/" + id, owner, null), 404, "not_found");
        error(f.http.send("DELETE", roles(g) + "/" + f.guilds.seeded(g, SystemRoleKey.MEMBER).id().value(), owner, null),
                403, "forbidden");
        assertThat(json(f.http.get(roles(g), owner), 200).get("roles")).hasSize(4);
    }

    @Test
    void reorderAndDefaultJoinRole() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        String a = createRole(owner, g, "{\"name\":\"a\",\"permissions\":[],\"position\":10}").get("role_id").asText();
        String b = createRole(owner, g, "{\"name\":\"b\",\"permissions\":[],\"position\":20}").get("role_id").asText();
        accepted(f.http.post(roles(g) + "/reorder", owner, "{\"role_ids\":[\"" + a.toLowerCase() + "\",\"" + b + "\"]}"));
        JsonNode list = json(f.http.get(roles(g), owner), 200).get("roles");
        assertThat(list).extracting(r -> r.get("name").asText() + "@" + r.get("position").asInt())
                .containsExactly("workspace_owner@10000", "moderator@100", "a@2", "member@1", "b@1", "@everyone@0");

        String before = f.snapshot();
        error(f.http.post(roles(g) + "/reorder", owner, "{\"role_ids\":[\"nope\"]}"), 400, "invalid_request");
        error(f.http.post(roles(g) + "/reorder", owner, "{\"role_ids\":[]}"), 400, "invalid_request");
        error(f.http.post(roles(g) + "/reorder", owner, "{\"role_ids\":\"" + a + "\"}"), 422, "invalid_request");
        error(f.http.post(roles(g) + "/default", owner, "{}"), 422, "invalid_request");
        error(f.http.post(roles(g) + "/default", owner, "{\"role_id\":\"nope\"}"), 400, "invalid_request");
        error(f.http.post(roles(g) + "/default", owner, "{\"role_id\":7}"), 422, "invalid_request");
        f.assertUnchanged(before);

        accepted(f.http.post(roles(g) + "/default", owner, "{\"role_id\":\"" + b + "\"}"));
        assertThat(json(f.http.get(roles(g), owner), 200).get("default_join_role_id").asText()).isEqualTo(b);
        accepted(f.http.post(roles(g) + "/default", owner, "{\"role_id\":null}"));
        assertThat(json(f.http.get(roles(g), owner), 200).get("default_join_role_id").isNull()).isTrue();
        assertThat(f.auditActions(g)).endsWith("role.reorder", "role.default_join.update",
                "role.default_join.update");
    }

    @Test
    void assignAndUnassignShowInTheMemberList() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        Caller target = f.member(g);
        String role = createRole(owner, g, "{\"name\":\"crew\",\"permissions\":[]}").get("role_id").asText();
        String path = roles(g) + "/" + role + "/members/" + target.id().value();
        accepted(f.http.post(path, owner, null));
        assertThat(roleIdsOf(g, owner, target)).containsExactly(role);
        accepted(f.http.post(path, owner, null));
        accepted(f.http.send("DELETE", path, owner, null));
        assertThat(roleIdsOf(g, owner, target)).isEmpty();
        assertThat(f.auditActions(g)).containsExactly("role.create", "role.assign", "role.unassign");

        String everyone = f.guilds.seeded(g, SystemRoleKey.EVERYONE).id().value();
        error(f.http.post(roles(g) + "/" + everyone + "/members/" + target.id().value(), owner, null), 400,
                "invalid_request");
        error(f.http.post(path, f.member(g), null), 403, "forbidden");
        error(f.http.post(roles(g) + "/" + role + "/members/" + f.user().id().value(), owner, null), 404, "not_found");
    }

    private static List<String> roleIdsOf(GuildId g, Caller viewer, Caller member) throws Exception {
        JsonNode rows = json(f.http.get("/guilds/" + g.value() + "/members?limit=200", viewer), 200).get("members");
        for (JsonNode row : rows) {
            if (row.get("user_id").asText().equals(member.id().value())) {
                List<String> ids = new ArrayList<>();
                row.get("role_ids").forEach(id -> ids.add(id.asText()));
                return ids;
            }
        }
        throw new AssertionError("not listed");
    }
}
