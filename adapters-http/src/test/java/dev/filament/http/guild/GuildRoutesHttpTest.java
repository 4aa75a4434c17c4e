package dev.filament.http.guild;

import static dev.filament.http.testing.HttpFixture.error;
import static dev.filament.http.testing.HttpFixture.json;
import static dev.filament.http.testing.HttpFixture.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.domain.guild.Visibility;
import dev.filament.domain.id.GuildId;
import dev.filament.http.testing.HttpFixture.Caller;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC 5.7 over real HTTP: guild create, list, patch and directory, with the route-level error outcomes. */
class GuildRoutesHttpTest {
    private static GuildHttpFixture f;

    @BeforeAll
    static void start() {
        f = new GuildHttpFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void createGuild_answersTheGuildShapeAndMakesTheCallerItsOwner() throws Exception {
        Caller owner = f.user();
        JsonNode g = json(f.http.post("/guilds", owner, "{\"name\":\"Tea Room\",\"visibility\":\"public\"}"), 200);
        assertThat(fieldNames(g)).containsExactly("guild_id", "name", "visibility");
        assertThat(g.get("name").asText()).isEqualTo("Tea Room");
        assertThat(g.get("visibility").asText()).isEqualTo("public");
        String id = g.get("guild_id").asText();
        assertThat(id).matches("[0-7][0-9A-HJKMNP-TV-Z]{25}");

        JsonNode listed = json(f.http.get("/guilds", owner), 200);
        assertThat(listed).isEqualTo(tree("{\"guilds\":[" + g + "]}"));
        JsonNode roles = json(f.http.get("/guilds/" + id.toLowerCase() + "/roles", owner), 200);
        assertThat(roles.get("roles")).hasSize(4);
    }

    @Test
    void createGuild_defaultsToPrivate() throws Exception {
        JsonNode g = json(f.http.post("/guilds", f.user(), "{\"name\":\"Quiet\"}"), 200);
        assertThat(g.get("visibility").asText()).isEqualTo("private");
    }

    @Test
    void createGuild_bodyErrorsAreAnsweredBeforeAnythingIsWritten() throws Exception {
        Caller owner = f.user();
        String before = f.snapshot();
        error(f.http.send("POST", "/guilds", owner, null), 415, "unsupported_media_type");
        HttpResponse<String> textPlain = f.http.send(f.http.request("/guilds")
                .header("Authorization", "Bearer " + owner.token()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")));
        error(textPlain, 415, "unsupported_media_type");
        error(f.http.post("/guilds", owner, "{\"name\":"), 400, "invalid_request");
        error(f.http.post("/guilds", owner, "{\"name\":\"a\",\"name\":\"b\"}"), 400, "invalid_request");
        error(f.http.post("/guilds", owner, "{}"), 422, "invalid_request");
        error(f.http.post("/guilds", owner, "{\"name\":null}"), 422, "invalid_request");
        error(f.http.post("/guilds", owner, "{\"name\":5}"), 422, "invalid_request");
        error(f.http.post("/guilds", owner, "{\"name\":\"ok\",\"owner\":true}"), 422, "invalid_request");
        error(f.http.post("/guilds", owner, "{\"name\":\"ok\",\"visibility\":\"hidden\"}"), 422, "invalid_request");
        error(f.http.post("/guilds", owner, "{\"name\":\"   \"}"), 400, "invalid_request");
        error(f.http.post("/guilds?x=1", owner, "{\"name\":\"ok\"}"), 400, "invalid_request");
        f.assertUnchanged(before);
    }

    @Test
    void createGuild_capIsForbiddenWithItsOwnCode() throws Exception {
        Caller owner = f.user();
        for (int i = 0; i < 5; i++) {
            json(f.http.post("/guilds", owner, "{\"name\":\"g" + i + "\"}"), 200);
        }
        error(f.http.post("/guilds", owner, "{\"name\":\"one too many\"}"), 403, "guild_creation_limit_reached");
        assertThat(json(f.http.get("/guilds", owner), 200).get("guilds")).hasSize(5);
    }

    @Test
    void patchGuild_changesOnlyTheGivenFields() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        JsonNode patched = json(send("PATCH", "/guilds/" + g.value(), owner, "{\"visibility\":\"public\"}"), 200);
        assertThat(patched.get("guild_id").asText()).isEqualTo(g.value());
        assertThat(patched.get("visibility").asText()).isEqualTo("public");
        JsonNode renamed = json(send("PATCH", "/guilds/" + g.value(), owner, "{\"name\":\"Renamed\",\"visibility\":null}"),
                200);
        assertThat(renamed).isEqualTo(tree("{\"guild_id\":\"" + g.value()
                + "\",\"name\":\"Renamed\",\"visibility\":\"public\"}"));
        assertThat(f.guilds.handOffs.events("workspace_update")).isNotEmpty();
    }

    @Test
    void patchGuild_rejectsEmptyPatchesMembersWithoutPermissionAndStrangers() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        Caller member = f.member(g);
        String before = f.snapshot();
        error(send("PATCH", "/guilds/" + g.value(), owner, "{}"), 400, "invalid_request");
        error(send("PATCH", "/guilds/" + g.value(), member, "{\"name\":\"mine\"}"), 403, "forbidden");
        error(send("PATCH", "/guilds/" + g.value(), f.user(), "{\"name\":\"mine\"}"), 403, "forbidden");
        error(send("PATCH", "/guilds/7ZZZZZZZZZZZZZZZZZZZZZZZZZ", owner, "{\"name\":\"x\"}"), 404, "not_found");
        error(send("PATCH", "/guilds/not-a-ulid", owner, "{\"name\":\"x\"}"), 404, "not_found");
        f.assertUnchanged(before);
    }

    @Test
    void publicDirectory_listsOnlyPublicGuildsFilteredByQuery() throws Exception {
        Caller owner = f.user();
        String tag = "zq" + owner.id().value().substring(18).toLowerCase();
        json(f.http.post("/guilds", owner, "{\"name\":\"Open " + tag.toUpperCase() + " one\",\"visibility\":\"public\"}"),
                200);
        json(f.http.post("/guilds", owner, "{\"name\":\"Open " + tag + " two\",\"visibility\":\"public\"}"), 200);
        json(f.http.post("/guilds", owner, "{\"name\":\"Closed " + tag + "\"}"), 200);
        JsonNode found = json(f.http.get("/guilds/public?q=%20" + tag + "%20", f.user()), 200);
        List<String> names = new ArrayList<>();
        found.get("guilds").forEach(g -> names.add(g.get("name").asText()));
        assertThat(names).containsExactly("Open " + tag + " two", "Open " + tag.toUpperCase() + " one");
        assertThat(json(f.http.get("/guilds/public?q=" + tag + "&limit=1", f.user()), 200).get("guilds")).hasSize(1);
    }

    @Test
    void publicDirectory_queryErrorsAre400() throws Exception {
        Caller c = f.user();
        for (String q : List.of("?limit=0", "?limit=51", "?limit=abc", "?limit=", "?limit=-1", "?limit=1&limit=2",
                "?cursor=x", "?q=" + "a".repeat(65))) {
            error(f.http.get("/guilds/public" + q, c), 400, "invalid_request");
        }
        error(f.http.get("/guilds?limit=1", c), 400, "invalid_request");
    }

    @Test
    void unknownRouteVariants_are404And405WithAllow() throws Exception {
        Caller c = f.user();
        error(f.http.get("/guilds/", c), 404, "not_found");
        error(f.http.post("/guilds/", c, "{\"name\":\"x\"}"), 404, "not_found");
        HttpResponse<String> put = f.http.send("PUT", "/guilds", c, "{}");
        error(put, 405, "method_not_allowed");
        assertThat(put.headers().firstValue("Allow").orElseThrow()).contains("GET", "POST");
        HttpResponse<String> delete = f.http.send("DELETE", "/guilds/01ARZ3NDEKTSV4RRFFQ69G5FAV/roles", c, null);
        error(delete, 405, "method_not_allowed");
        assertThat(delete.headers().firstValue("Allow").orElseThrow()).contains("GET", "POST")
                .doesNotContain("DELETE");
        HttpResponse<String> getMember = f.http.get("/guilds/01ARZ3NDEKTSV4RRFFQ69G5FAV/members/01ARZ3NDEKTSV4RRFFQ69G5FAV",
                c);
        error(getMember, 405, "method_not_allowed");
        assertThat(getMember.headers().firstValue("Allow").orElseThrow()).contains("POST", "PATCH");
    }

    private static HttpResponse<String> send(String method, String path, Caller c, String body) throws Exception {
        return f.http.send(method, path, c, body);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
