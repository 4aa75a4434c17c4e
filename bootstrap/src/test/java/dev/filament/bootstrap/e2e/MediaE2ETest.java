package dev.filament.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reactions (SPEC 8.6) through the real wiring: HTTP writes, another user's socket sees them live. */
@ExtendWith(PostgresExtension.class)
class MediaE2ETest {
    private static final String THUMBS = "%F0%9F%91%8D";
    private static RunningServer s;
    private static Api api;

    @BeforeAll
    static void start(TestDatabase db) {
        s = RunningServer.start(db, Map.of("FILAMENT_RATE_LIMIT_REQUESTS_PER_MINUTE", "100000",
                "FILAMENT_AUTH_ROUTE_REQUESTS_PER_MINUTE", "100000"));
        api = new Api(s);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void aReactionTravelsLiveToAnotherUsersSocketAndShowsInTheirList() throws Exception {
        Api.User owner = api.user();
        Api.User member = api.user();
        String g = api.guild(owner, "public");
        String c = api.channel(owner, g, "text");
        api.join(member, g);
        String messages = "/guilds/" + g + "/channels/" + c + "/messages";
        String m = Api.ok(api.post(owner, g, c, "react here")).get("message_id").asText();
        try (WsClient watcher = WsClient.connect(s.port(), owner.token())) {
            watcher.subscribe(g, c);
            watcher.await("voice_participant_sync");

            JsonNode reaction = Api.ok(api.call(member, "POST", messages + "/" + m + "/reactions/" + THUMBS, null));

            JsonNode live = watcher.await("message_reaction").get("d");
            assertThat(live.toString()).isEqualTo("{\"guild_id\":\"" + g + "\",\"channel_id\":\"" + c
                    + "\",\"message_id\":\"" + m + "\",\"emoji\":\"\uD83D\uDC4D\",\"count\":1,\"operation\":\"add\","
                    + "\"actor_user_id\":\"" + member.id() + "\"}");
            assertThat(reaction.get("reacted_by_me").asBoolean()).isTrue();
            JsonNode listed = Api.ok(api.call(owner, "GET", messages, null)).get("messages").get(0);
            assertThat(listed.get("reactions").toString()).isEqualTo("[{\"emoji\":\"\uD83D\uDC4D\",\"count\":1,"
                    + "\"reacted_by_me\":false,\"reactor_user_ids\":[\"" + member.id() + "\"]}]");
            var slash = api.call(member, "POST", messages + "/" + m + "/reactions/%2F", null);
            assertThat(slash.statusCode()).isEqualTo(400);
            assertThat(Api.JSON.readTree(slash.body()).get("error").asText()).isEqualTo("invalid_request");
        }
    }
}
