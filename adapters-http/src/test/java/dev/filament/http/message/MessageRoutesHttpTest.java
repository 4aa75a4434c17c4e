package dev.filament.http.message;

import static dev.filament.http.testing.HttpFixture.error;
import static dev.filament.http.testing.HttpFixture.json;
import static dev.filament.http.message.MessageHttpFixture.messagesPath;
import static dev.filament.http.testing.HttpFixture.quote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.GuildId;
import dev.filament.http.testing.HttpFixture.Caller;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC 8.1 over real HTTP: shapes, every status, the processing order of SPEC 1.10 and W3. */
class MessageRoutesHttpTest {
    private static MessageHttpFixture f;
    private final Caller owner = f.user();
    private final GuildId guild = f.guild(owner);
    private final Channel channel = f.channel(guild);
    private final Caller member = f.member(guild);
    private final String path = messagesPath(guild, channel);

    @BeforeAll
    static void start() {
        f = new MessageHttpFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private HttpResponse<String> post(Caller caller, String body, String... headers) throws Exception {
        return f.http.send("POST", path, caller, body, headers);
    }

    private JsonNode posted(Caller caller, String content) throws Exception {
        return json(post(caller, "{\"content\":" + quote(content) + "}"), 200);
    }

    /** Messages stored in this test's channel. */
    private int storedMessages() {
        return f.app.guilds.store.tx(() -> f.app.messages.page(channel.id(), Optional.empty(), 100, owner.id())).size();
    }

    /** Events published to this test's channel. */
    private List<GatewayEvent> events() {
        return f.app.handOffs.events().stream()
                .filter(e -> e.scope().equals(GatewayEvent.Scope.channel(guild, channel.id()))).toList();
    }

    @Test
    void postAnswersTheMessageResponse() throws Exception {
        HttpResponse<String> r = post(member, "{\"content\":\"hello\"}");
        JsonNode m = json(r, 200);

        List<String> keys = new ArrayList<>();
        m.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("message_id", "guild_id", "channel_id", "author_id", "content",
                "markdown_tokens", "attachments", "reactions", "created_at_unix", "edited_at_unix");
        assertThat(m.get("guild_id").asText()).isEqualTo(guild.value());
        assertThat(m.get("channel_id").asText()).isEqualTo(channel.id().value());
        assertThat(m.get("author_id").asText()).isEqualTo(member.id().value());
        assertThat(m.get("content").asText()).isEqualTo("hello");
        assertThat(m.get("markdown_tokens").toString()).isEqualTo(
                "[{\"type\":\"paragraph_start\"},{\"type\":\"text\",\"text\":\"hello\"},{\"type\":\"paragraph_end\"}]");
        assertThat(m.get("attachments").isArray() && m.get("attachments").isEmpty()).isTrue();
        assertThat(m.get("reactions").isArray() && m.get("reactions").isEmpty()).isTrue();
        assertThat(m.get("created_at_unix").asLong()).isEqualTo(f.app.guilds.clock.instant().getEpochSecond());
        assertThat(m.get("edited_at_unix").isNull()).isTrue();
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(events()).extracting(GatewayEvent::type).containsExactly("message_create");
    }

    @Test
    void attachmentIdsMustBeAbsentNullOrEmpty() throws Exception {
        json(post(member, "{\"content\":\"a\",\"attachment_ids\":[]}"), 200);
        json(post(member, "{\"content\":\"b\",\"attachment_ids\":null}"), 200);
        error(post(member, "{\"content\":\"c\",\"attachment_ids\":[\"01HZZZZZZZZZZZZZZZZZZZZZZZ\"]}"), 400,
                "invalid_request");
        error(post(member, "{\"content\":\"d\",\"attachment_ids\":\"x\"}"), 422, "invalid_request");
        assertThat(storedMessages()).isEqualTo(2);
    }

    @Test
    void badBodiesAreRejectedWithTheirStatusAndWriteNothing() throws Exception {
        error(post(member, "{}"), 422, "invalid_request");
        error(post(member, "{\"content\":null}"), 422, "invalid_request");
        error(post(member, "{\"content\":5}"), 422, "invalid_request");
        error(post(member, "{\"content\":\"x\",\"extra\":1}"), 422, "invalid_request");
        error(post(member, "{\"content\":\"x\""), 400, "invalid_request");
        error(post(member, "{\"content\":\"x\",\"content\":\"y\"}"), 400, "invalid_request");
        error(post(member, "{\"content\":\"\"}"), 400, "invalid_request");
        error(post(member, "{\"content\":" + quote("x".repeat(2001)) + "}"), 400, "invalid_request");
        error(post(member, "{\"content\":\"nul\\u0000\"}"), 400, "invalid_request");
        error(f.http.send("POST", path, member, null, "Content-Type", "text/plain"), 415, "unsupported_media_type");
        assertThat(storedMessages()).isZero();
        assertThat(events()).isEmpty();
    }

    @Test
    void processingOrderIsAuthPathQueryBodyThenLadder() throws Exception {
        Caller outsider = f.user();
        error(f.http.send("POST", "/guilds/nope/channels/nope/messages?x=1", null, "{"), 401, "invalid_credentials");
        error(f.http.send("POST", "/guilds/nope/channels/" + channel.id() + "/messages?x=1", member, "{"), 404,
                "not_found");
        error(f.http.send("POST", "/guilds/" + guild + "/channels/bad/messages?x=1", member, "{"), 404, "not_found");
        error(f.http.send("POST", path + "?x=1", member, null), 400, "invalid_request"); // before the body's 415
        error(f.http.send("POST", path, outsider, "{\"content\":1}"), 422, "invalid_request");
        error(f.http.send("POST", path, outsider, "{\"content\":\"\"}"), 403, "forbidden");
        error(f.http.send("POST", messagesPath(guild, f.channel(f.guild(f.user()))), member, "{\"content\":\"x\"}"), 404,
                "not_found");
        error(f.http.send("PATCH", path + "/not-a-ulid", member, "{"), 404, "not_found");
        error(f.http.send("DELETE", path + "/not-a-ulid?x=1", null, null), 401, "invalid_credentials");
    }

    @Test
    void ladderOutcomes() throws Exception {
        error(post(f.user(), "{\"content\":\"x\"}"), 403, "forbidden");
        error(f.http.send("POST", "/guilds/" + f.app.guilds.ids.newGuildId() + "/channels/" + channel.id() + "/messages",
                member, "{\"content\":\"x\"}"), 404, "not_found");
        f.app.denyInChannel(guild, channel.id(), member.id(), Permission.CREATE_MESSAGE);
        error(post(member, "{\"content\":\"x\"}"), 403, "forbidden");
        error(f.http.send("GET", path, member, null), 403, "forbidden");
        f.app.ipBan(guild, owner.id(), "198.51.100.0/24");
        error(post(owner, "{\"content\":\"x\"}", "X-Forwarded-For", "198.51.100.9"), 403, "forbidden");
        json(post(owner, "{\"content\":\"x\"}", "X-Forwarded-For", "192.0.2.1"), 200);
    }

    @Test
    void listPagesNewestFirstWithNextBefore() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(posted(member, "m" + i).get("message_id").asText());
        }
        JsonNode first = json(f.http.send("GET", path + "?limit=3", member, null), 200);
        assertThat(first.get("messages")).extracting(m -> m.get("message_id").asText())
                .containsExactly(ids.get(4), ids.get(3), ids.get(2));
        assertThat(first.get("next_before").asText()).isEqualTo(ids.get(2));
        JsonNode second = json(f.http.send("GET", path + "?limit=3&before=" + ids.get(2).toLowerCase(), member, null), 200);
        assertThat(second.get("messages")).extracting(m -> m.get("message_id").asText())
                .containsExactly(ids.get(1), ids.get(0));
        assertThat(second.get("next_before").isNull()).isTrue();
        assertThat(json(f.http.send("GET", path, member, null), 200).get("messages")).hasSize(5);
    }

    @Test
    void listQueryErrorsAre400() throws Exception {
        for (String q : List.of("?limit=0", "?limit=101", "?limit=abc", "?limit=", "?before=xyz", "?before=",
                "?limit=1&limit=2", "?cursor=1")) {
            error(f.http.send("GET", path + q, member, null), 400, "invalid_request");
        }
    }

    @Test
    void authorEditsAndModeratorDeletes() throws Exception {
        String id = posted(member, "first").get("message_id").asText();
        f.app.guilds.clock.advance(Duration.ofSeconds(10));

        JsonNode edited = json(f.http.send("PATCH", path + "/" + id, member, "{\"content\":\"second\"}"), 200);
        assertThat(edited.get("content").asText()).isEqualTo("second");
        assertThat(edited.get("edited_at_unix").asLong()).isEqualTo(f.app.guilds.clock.instant().getEpochSecond());
        assertThat(edited.get("created_at_unix").asLong()).isEqualTo(edited.get("edited_at_unix").asLong() - 10);

        Caller bystander = f.member(guild);
        error(f.http.send("PATCH", path + "/" + id, bystander, "{\"content\":\"mine\"}"), 403, "forbidden");
        error(f.http.send("DELETE", path + "/" + id, bystander, null), 403, "forbidden");
        error(f.http.send("PATCH", path + "/" + id, member, "{\"content\":\"x\",\"pinned\":true}"), 422,
                "invalid_request");
        error(f.http.send("PATCH", path + "/" + f.app.guilds.ids.newMessageId(), member, "{\"content\":\"x\"}"), 404,
                "not_found");

        Caller moderator = f.member(guild, SystemRoleKey.MODERATOR);
        HttpResponse<String> deleted = f.http.send("DELETE", path + "/" + id, moderator, null);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        error(f.http.send("DELETE", path + "/" + id, moderator, null), 404, "not_found");
        assertThat(f.app.guilds.db.auditRows()).filteredOn(e -> e.guildId().equals(guild))
                .extracting(e -> e.action().wire()).containsExactly("message.delete.moderation");
    }

    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        HttpResponse<String> r = f.http.send("PUT", path, member, "{}");
        error(r, 405, "method_not_allowed");
        assertThat(r.headers().firstValue("Allow").orElseThrow()).contains("GET").contains("POST");
    }

    @Test
    void aCommittedMessageIsNeverAnswered5xxWhateverTheHandOffsDo() throws Exception {
        try (MessageHttpFixture broken = new MessageHttpFixture()) {
            Caller user = broken.user();
            GuildId g = broken.guild(user);
            String p = messagesPath(g, broken.channel(g));
            broken.app.handOffs.failPublishing();
            broken.app.failWakes();

            JsonNode m = json(broken.http.send("POST", p, user, "{\"content\":\"committed\"}"), 200);
            String one = p + "/" + m.get("message_id").asText();
            json(broken.http.send("PATCH", one, user, "{\"content\":\"again\"}"), 200);
            assertThat(broken.http.send("DELETE", one, user, null).statusCode()).isEqualTo(204);
            assertThat(broken.app.handOffs.log()).containsExactly("failed:gateway.publish", "failed:search.wake",
                    "failed:gateway.publish", "failed:search.wake", "failed:gateway.publish");
            assertThat(broken.app.messages.count()).isZero();
        }
    }
}
