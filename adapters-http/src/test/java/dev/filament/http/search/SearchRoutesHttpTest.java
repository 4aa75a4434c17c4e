package dev.filament.http.search;

import static dev.filament.http.testing.HttpFixture.error;
import static dev.filament.http.testing.HttpFixture.json;
import static dev.filament.http.message.MessageHttpFixture.messagesPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.GuildId;
import dev.filament.http.message.MessageHttpFixture;
import dev.filament.http.testing.HttpFixture.Caller;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC 10.1 and 10.3 over real HTTP: result shape, permission filter, query validation, rebuild and reconcile. */
class SearchRoutesHttpTest {
    private static MessageHttpFixture f;
    private final Caller owner = f.user();
    private final GuildId guild = f.guild(owner);
    private final Channel open = f.channel(guild);
    private final Channel hidden = f.channel(guild);
    private final Caller member = f.member(guild);
    private final String search = "/guilds/" + guild + "/search";

    @BeforeAll
    static void start() {
        f = new MessageHttpFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private String post(Caller caller, Channel channel, String content) throws Exception {
        return json(f.http.send("POST", messagesPath(guild, channel), caller, "{\"content\":\"" + content + "\"}"), 200)
                .get("message_id").asText();
    }

    private HttpResponse<String> get(Caller caller, String query) throws Exception {
        return f.http.send("GET", search + query, caller, null);
    }

    @Test
    void resultsAreIdsAndMessagesInTheSameOrderFromReadableChannelsOnly() throws Exception {
        String older = post(owner, open, "orbit plan");
        String newer = post(owner, open, "orbit review");
        String secret = post(owner, hidden, "orbit secret");
        f.app.denyInChannel(guild, hidden.id(), member.id(), Permission.CREATE_MESSAGE);
        f.app.indexAll();

        JsonNode asMember = json(get(member, "?q=orbit"), 200);
        assertThat(asMember.get("message_ids")).extracting(JsonNode::asText).containsExactly(newer, older);
        assertThat(asMember.get("messages")).extracting(m -> m.get("message_id").asText())
                .containsExactly(newer, older);
        assertThat(asMember.get("messages").get(0).get("content").asText()).isEqualTo("orbit review");
        assertThat(json(get(owner, "?q=orbit&limit=50"), 200).get("message_ids")).extracting(JsonNode::asText)
                .containsExactly(secret, newer, older);
        assertThat(json(get(owner, "?q=orbit&channel_id=" + hidden.id()), 200).get("message_ids"))
                .extracting(JsonNode::asText).containsExactly(secret);
        error(get(member, "?q=orbit&channel_id=" + hidden.id()), 403, "forbidden");
        error(get(member, "?q=orbit&channel_id=" + f.app.guilds.ids.newChannelId()), 404, "not_found");
        assertThat(json(get(member, "?q=" + enc("!!")), 200).toString())
                .isEqualTo("{\"message_ids\":[],\"messages\":[]}");
    }

    @Test
    void queryValidationIs400BeforeTheGuildIsLookedAt() throws Exception {
        Caller outsider = f.user();
        List<String> bad = List.of("", "?q=", "?q=" + enc("   "), "?q=" + "x".repeat(257), "?q=" + enc("a ".repeat(21)),
                "?q=" + enc("a* b? c* d? e*"), "?q=" + enc("a~ b~ c~"), "?q=" + enc("from:me"), "?q=a&limit=0",
                "?q=a&limit=51", "?q=a&limit=x", "?q=a&channel_id=nope", "?q=a&q=b", "?q=a&page=2");
        for (String q : bad) {
            error(get(outsider, q), 400, "invalid_request");
        }
        error(get(outsider, "?q=a"), 403, "forbidden");
        error(f.http.send("GET", "/guilds/" + f.app.guilds.ids.newGuildId() + "/search?q=a", member, null), 404,
                "not_found");
    }

    @Test
    void authenticationAndPathIdsComeFirst() throws Exception {
        error(f.http.send("GET", "/guilds/nope/search?q=", null, null), 401, "invalid_credentials");
        error(f.http.send("GET", "/guilds/nope/search?q=", member, null), 404, "not_found");
        error(f.http.send("POST", "/guilds/nope/search/rebuild?x=1", member, null), 404, "not_found");
        error(f.http.send("POST", "/guilds/" + guild + "/search/rebuild?x=1", member, null), 400, "invalid_request");
    }

    @Test
    void rebuildIs204AndNeedsManageWorkspaceRoles() throws Exception {
        Caller moderator = f.member(guild, SystemRoleKey.MODERATOR);
        error(f.http.send("POST", search + "/rebuild", moderator, null), 403, "forbidden");
        error(f.http.send("POST", search + "/rebuild", member, null), 403, "forbidden");

        HttpResponse<String> r = f.http.send("POST", search + "/rebuild", owner, "{\"ignored\":true}");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(f.app.outbox(guild)).extracting(e -> e.op()).containsExactly("rebuild");
        error(f.http.send("GET", search + "/rebuild", owner, null), 405, "method_not_allowed");
    }

    @Test
    void reconcileAnswersWhatItRepaired() throws Exception {
        post(owner, open, "indexed");
        f.app.indexAll();
        f.app.searchTables.putMessage(f.app.guilds.ids.newMessageId(), guild, open.id(), "not queued");

        JsonNode result = json(f.http.send("POST", search + "/reconcile", owner, null), 200);

        assertThat(result.toString()).isEqualTo("{\"upserted\":1,\"deleted\":0}");
        error(f.http.send("POST", search + "/reconcile", member, null), 403, "forbidden");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
