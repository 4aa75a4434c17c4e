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

/**
 * Attachments and reactions (SPEC 8.5, 8.6) through the real wiring (filesystem blob store, Tika sniffer, PostgreSQL):
 * HTTP uploads and writes, gateway {@code message_create} with {@code attachment_ids}, and another user's socket
 * seeing the message with its attachment and the reaction live.
 */
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

    /** A public guild with a text channel, its owner and one member. */
    private record Room(Api.User owner, Api.User member, String g, String c) {
        static Room open() throws Exception {
            Api.User owner = api.user();
            Api.User member = api.user();
            String g = api.guild(owner, "public");
            String c = api.channel(owner, g, "text");
            api.join(member, g);
            return new Room(owner, member, g, c);
        }
    }

    @Test
    void aGatewayMessageWithAnAttachmentReachesAnotherUserWhoCanDownloadIt() throws Exception {
        Room room = Room.open();
        Api.User author = room.owner();
        Api.User reader = room.member();
        String g = room.g();
        String c = room.c();
        String attachments = "/guilds/" + g + "/channels/" + c + "/attachments";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
        var uploaded = s.send(s.request(attachments + "?filename=cat+pic.png")
                .header("Authorization", "Bearer " + author.token()).header("Content-Type", "image/png")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(png)));
        JsonNode a = Api.ok(uploaded);
        assertThat(a.get("mime_type").asText()).isEqualTo("image/png");
        try (WsClient sender = WsClient.connect(s.port(), author.token());
             WsClient watcher = WsClient.connect(s.port(), reader.token())) {
            watcher.subscribe(g, c);
            watcher.await("voice_participant_sync");
            sender.await("ready");

            sender.send("message_create", "{\"guild_id\":\"" + g + "\",\"channel_id\":\"" + c
                    + "\",\"content\":\"\",\"attachment_ids\":[\"" + a.get("attachment_id").asText() + "\"]}");

            JsonNode live = watcher.await("message_create").get("d");
            assertThat(live.get("content").asText()).isEmpty();
            assertThat(live.get("attachments").get(0)).isEqualTo(a);
            assertThat(live.get("reactions").isEmpty()).isTrue();
        }
        var download = api.call(reader, "GET", attachments + "/" + a.get("attachment_id").asText(), null);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition")).contains(
                "attachment; filename=\"cat pic.png\"; filename*=UTF-8''cat%20pic.png");
        assertThat(download.headers().firstValue("Content-Length")).contains(Integer.toString(png.length));
    }

    @Test
    void aReactionTravelsLiveToAnotherUsersSocketAndShowsInTheirList() throws Exception {
        Room room = Room.open();
        Api.User owner = room.owner();
        Api.User member = room.member();
        String g = room.g();
        String c = room.c();
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
