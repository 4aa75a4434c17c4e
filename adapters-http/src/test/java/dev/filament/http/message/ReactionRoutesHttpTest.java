package dev.filament.http.message;

import static dev.filament.http.message.MessageHttpFixture.messagesPath;
import static dev.filament.http.testing.HttpFixture.error;
import static dev.filament.http.testing.HttpFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.id.GuildId;
import dev.filament.http.testing.HttpFixture.Caller;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC 8.6 over real HTTP: the Reaction answer, idempotence, events, emoji decoding and rules, the cap, 404s. */
class ReactionRoutesHttpTest {
    private static final String THUMBS = "%F0%9F%91%8D";
    private static MessageHttpFixture f;
    private final Caller owner = f.user();
    private final GuildId guild = f.guild(owner);
    private final Channel channel = f.channel(guild);
    private final Caller member = f.member(guild);
    private final String path = messagesPath(guild, channel);
    private String message;

    @BeforeAll
    static void start() {
        f = new MessageHttpFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private String message() throws Exception {
        if (message == null) {
            message = json(f.http.send("POST", path, owner, "{\"content\":\"hi\"}"), 200).get("message_id").asText();
        }
        return message;
    }

    private HttpResponse<String> react(String method, Caller caller, String emoji) throws Exception {
        return f.http.send(method, path + "/" + message() + "/reactions/" + emoji, caller, null);
    }

    private List<GatewayEvent> reactionEvents() {
        return f.app.handOffs.events().stream()
                .filter(e -> e.scope().equals(GatewayEvent.Scope.channel(guild, channel.id())))
                .filter(e -> e.type().equals("message_reaction")).toList();
    }

    @Test
    void addAnswersTheReactionAndPublishesOnlyWhenARowChanged() throws Exception {
        JsonNode first = json(react("POST", member, THUMBS), 200);
        JsonNode again = json(react("POST", member, THUMBS), 200);
        JsonNode second = json(react("POST", owner, THUMBS), 200);

        assertThat(first.toString()).isEqualTo("{\"emoji\":\"\uD83D\uDC4D\",\"count\":1,\"reacted_by_me\":true,"
                + "\"reactor_user_ids\":[\"" + member.id() + "\"]}");
        assertThat(again).isEqualTo(first);
        assertThat(second.get("count").asInt()).isEqualTo(2);
        assertThat(reactionEvents()).hasSize(2);
        Map<String, Object> last = Map.copyOf(f.app.payloads.last());
        assertThat(last).containsEntry("operation", "add").containsEntry("count", 2)
                .containsEntry("actor_user_id", owner.id().value()).containsEntry("message_id", message());
    }

    @Test
    void removeIsIdempotentAndAnswersCountZeroWithoutIds() throws Exception {
        json(react("POST", member, THUMBS), 200);

        JsonNode removed = json(react("DELETE", member, THUMBS), 200);
        JsonNode again = json(react("DELETE", member, THUMBS), 200);

        assertThat(removed.toString()).isEqualTo("{\"emoji\":\"\uD83D\uDC4D\",\"count\":0,\"reacted_by_me\":false}");
        assertThat(again).isEqualTo(removed);
        assertThat(reactionEvents()).hasSize(2);
        assertThat(Map.<String, Object>copyOf(f.app.payloads.last())).containsEntry("operation", "remove")
                .containsEntry("count", 0);
    }

    @Test
    void everyMessageResponseCarriesTheReactionsForItsCaller() throws Exception {
        json(react("POST", member, THUMBS), 200);
        json(react("POST", member, "a"), 200);
        json(react("POST", owner, "a"), 200);

        JsonNode mine = json(f.http.send("GET", path, member, null), 200).get("messages").get(0).get("reactions");
        JsonNode theirs = json(f.http.send("GET", path, owner, null), 200).get("messages").get(0).get("reactions");
        JsonNode edited = json(f.http.send("PATCH", path + "/" + message(), owner, "{\"content\":\"x\"}"), 200)
                .get("reactions");

        assertThat(mine.findValuesAsText("emoji")).containsExactly("a", "\uD83D\uDC4D");
        assertThat(mine.findValues("reacted_by_me")).extracting(JsonNode::asBoolean).containsExactly(true, true);
        assertThat(theirs.findValues("reacted_by_me")).extracting(JsonNode::asBoolean).containsExactly(true, false);
        assertThat(theirs.get(0).get("count").asInt()).isEqualTo(2);
        assertThat(edited).isEqualTo(theirs);
    }

    @Test
    void theSegmentIsPercentDecodedAsUtf8KeepingPlus() throws Exception {
        assertThat(json(react("POST", member, "+1"), 200).get("emoji").asText()).isEqualTo("+1");
        assertThat(json(react("POST", member, "%E2%9D%A4%EF%B8%8F"), 200).get("emoji").asText())
                .isEqualTo("\u2764\uFE0F");
        // 16 astral chars = 32 UTF-16 code units: the most the web client accepts
        assertThat(json(react("POST", member, THUMBS.repeat(16)), 200).get("count").asInt()).isEqualTo(1);
    }

    @Test
    void badEmojisAreJson400sAndWriteNothing() throws Exception {
        for (String bad : List.of("%2F", "a%2Fb", "%5C", "%20", "a%09", "%E2%80%83", "%EF%BB%BF", "%00", "%FF",
                "%C3", "x".repeat(33), THUMBS.repeat(16) + "x")) {
            error(react("POST", member, bad), 400, "invalid_request");
            error(react("DELETE", member, bad), 400, "invalid_request");
        }
        assertThat(reactionEvents()).isEmpty();
    }

    @Test
    void unknownAndForeignMessagesAre404AndOutsidersAre403() throws Exception {
        String unknown = f.app.guilds.ids.newMessageId().value();
        error(f.http.send("POST", path + "/" + unknown + "/reactions/a", member, null), 404, "not_found");
        error(f.http.send("DELETE", path + "/" + unknown + "/reactions/a", member, null), 404, "not_found");
        String otherChannel = messagesPath(guild, f.channel(guild));
        error(f.http.send("POST", otherChannel + "/" + message() + "/reactions/a", member, null), 404, "not_found");
        error(f.http.send("POST", path + "/nope/reactions/a", member, null), 404, "not_found");
        error(react("POST", f.user(), "a"), 403, "forbidden");
        error(f.http.send("POST", path + "/" + message() + "/reactions/a", null, null), 401, "invalid_credentials");
        assertThat(reactionEvents()).isEmpty();
    }

    @Test
    void aSixtyFifthDistinctEmojiIs409() throws Exception {
        for (int i = 0; i < 64; i++) {
            json(react("POST", member, "e" + i), 200);
        }
        error(react("POST", owner, "new"), 409, "quota_exceeded");
        assertThat(json(react("POST", owner, "e3"), 200).get("count").asInt()).isEqualTo(2);
        assertThat(reactionEvents()).hasSize(65);
    }
}
