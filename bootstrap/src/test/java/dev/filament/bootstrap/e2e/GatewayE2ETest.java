package dev.filament.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The gateway through the real wiring, with real WebSocket clients (SPEC 9, INCIDENT.md). */
@ExtendWith(PostgresExtension.class)
class GatewayE2ETest {
    private static RunningServer s;
    private static Api api;

    @BeforeAll
    static void start(TestDatabase db) {
        s = RunningServer.start(db, Map.of("FILAMENT_RATE_LIMIT_REQUESTS_PER_MINUTE", "100000",
                "FILAMENT_AUTH_ROUTE_REQUESTS_PER_MINUTE", "100000",
                "FILAMENT_LIVEKIT_API_KEY", "devkey", "FILAMENT_LIVEKIT_API_SECRET", "devsecret-devsecret-devsecret-00"));
        api = new Api(s);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static boolean isMessage(JsonNode f, String content) {
        return "message_create".equals(f.path("t").asText()) && content.equals(f.path("d").path("content").asText());
    }

    static void assertConsecutive(WsClient c) {
        List<JsonNode> frames = c.frames();
        for (int i = 0; i < frames.size(); i++) {
            assertThat(frames.get(i).get("s").asLong()).as("frame %d of %s", i, frames).isEqualTo(i + 1);
        }
    }

    @Test
    void subscribersGetReadyThenSyncThenEveryMessageInOrderWithConsecutiveSequence() throws Exception {
        Api.User owner = api.user();
        Api.User member = api.user();
        String g = api.guild(owner, "public");
        String c = api.channel(owner, g, "text");
        api.join(member, g);
        try (WsClient a = WsClient.connect(s.port(), owner.token());
             WsClient b = WsClient.connect(s.port(), member.token())) {
            assertThat(a.await("ready").get("s").asLong()).isEqualTo(1);
            a.subscribe(g, c);
            a.await("voice_participant_sync");
            assertThat(a.frames()).extracting(f -> f.get("t").asText())
                    .as("the own presence_update follows asynchronously; the first four are fixed")
                    .startsWith("ready", "subscribed", "presence_sync", "voice_participant_sync");
            JsonNode own = a.await(f -> "presence_update".equals(f.path("t").asText()));
            assertThat(own.get("d").get("user_id").asText()).as("its own online comes first").isEqualTo(owner.id());
            b.subscribe(g, c);
            b.await("voice_participant_sync");
            JsonNode online = a.await(f -> "presence_update".equals(f.path("t").asText())
                    && member.id().equals(f.path("d").path("user_id").asText()));
            assertThat(online.get("d").get("status").asText()).isEqualTo("online");

            for (int i = 0; i < 20; i++) {
                assertThat(api.post(owner, g, c, "m" + i).statusCode()).isEqualTo(200);
            }
            for (WsClient client : List.of(a, b)) {
                client.await(f -> isMessage(f, "m19"));
                List<String> contents = client.frames().stream()
                        .filter(f -> "message_create".equals(f.path("t").asText()))
                        .map(f -> f.get("d").get("content").asText()).toList();
                assertThat(contents).containsExactlyElementsOf(
                        java.util.stream.IntStream.range(0, 20).mapToObj(i -> "m" + i).toList());
                assertConsecutive(client);
            }
        }
    }

    @Test
    void forbiddenSubscribeAnswersAnErrorAndKeepsTheSocket() throws Exception {
        Api.User owner = api.user();
        Api.User outsider = api.user();
        String g = api.guild(owner, "private");
        String c = api.channel(owner, g, "text");
        try (WsClient x = WsClient.connect(s.port(), outsider.token())) {
            x.await("ready");
            x.subscribe(g, c);
            JsonNode error = x.await("error");
            assertThat(error.get("d").get("code").asText()).isEqualTo("forbidden");
            assertThat(error.get("d").get("t").asText()).isEqualTo("subscribe");
            x.subscribe("01ARZ3NDEKTSV4RRFFQ69G5FAV", c);
            assertThat(x.await(f -> "error".equals(f.path("t").asText())
                    && "not_found".equals(f.path("d").path("code").asText()))).isNotNull();
            assertThat(x.closed).isNotDone();
        }
    }

    @Test
    void aKickedUsersSocketStopsReceivingThatGuildAtOnce() throws Exception {
        Api.User owner = api.user();
        Api.User member = api.user();
        String g = api.guild(owner, "public");
        String c = api.channel(owner, g, "text");
        api.join(member, g);
        try (WsClient watcher = WsClient.connect(s.port(), owner.token());
             WsClient kicked = WsClient.connect(s.port(), member.token())) {
            watcher.subscribe(g, c);
            kicked.subscribe(g, c);
            kicked.await("voice_participant_sync");
            watcher.await(f -> "presence_update".equals(f.path("t").asText()));
            Api.ok(api.call(owner, "POST", "/guilds/" + g + "/members/" + member.id() + "/kick", null));
            JsonNode unsubscribed = kicked.await("unsubscribed");
            assertThat(unsubscribed.get("d").get("reason").asText()).isEqualTo("kick");
            api.post(owner, g, c, "after-kick");
            watcher.await(f -> isMessage(f, "after-kick"));
            assertThat(kicked.frames()).noneMatch(f -> isMessage(f, "after-kick"));
            JsonNode offline = watcher.await(f -> "presence_update".equals(f.path("t").asText())
                    && "offline".equals(f.path("d").path("status").asText()));
            assertThat(offline.get("d").get("user_id").asText()).isEqualTo(member.id());
        }
    }

    /**
     * #12 item 2: a subscribe sent while the user is being kicked never leaves the socket subscribed: after the kick,
     * messages of the channel never reach it (25 tries, both sides at once).
     */
    @Test
    void aSubscribeRacingAKickNeverKeepsReceivingTheGuild() throws Exception {
        Api.User owner = api.user();
        Api.User member = api.user();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (WsClient watcher = WsClient.connect(s.port(), owner.token());
             WsClient racer = WsClient.connect(s.port(), member.token())) {
            String home = api.guild(owner, "public"); // the racer stays subscribed here: an in-order fence
            String homeChannel = api.channel(owner, home, "text");
            api.join(member, home);
            racer.subscribe(home, homeChannel);
            racer.await("voice_participant_sync");
            String g = api.guild(owner, "public");
            String c = api.channel(owner, g, "text");
            watcher.subscribe(g, c);
            watcher.await(f -> "subscribed".equals(f.path("t").asText())
                    && g.equals(f.path("d").path("guild_id").asText()));
            for (int run = 0; run < 25; run++) {
                api.join(member, g); // a kick is no ban: the member comes back for the next run
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                var subscribe = pool.submit(() -> {
                    start.await();
                    racer.subscribe(g, c);
                    return null;
                });
                var kick = pool.submit(() -> {
                    start.await();
                    return api.call(owner, "POST", "/guilds/" + g + "/members/" + member.id() + "/kick", null);
                });
                subscribe.get(10, TimeUnit.SECONDS);
                Api.ok(kick.get(10, TimeUnit.SECONDS));
                int answered = run + 1;
                racer.await(f -> racer.frames().stream().filter(x -> g.equals(x.path("d").path("guild_id").asText())
                        && ("subscribed".equals(x.path("t").asText()) || "error".equals(x.path("t").asText())))
                        .count() >= answered);
                String marker = "after-kick-" + run;
                assertThat(api.post(owner, g, c, marker).statusCode()).isEqualTo(200);
                watcher.await(f -> isMessage(f, marker));
                // dispatch is in publish order: once the later fence reached the racer, the marker went past it
                String fence = "fence-" + run;
                assertThat(api.post(owner, home, homeChannel, fence).statusCode()).isEqualTo(200);
                racer.await(f -> isMessage(f, fence));
                assertThat(racer.frames()).as("run %d", run).noneMatch(f -> isMessage(f, marker));
            }
            assertThat(racer.closed).isNotDone();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAbruptlyClosedSocketInVoiceBecomesOfflineAndLeavesVoiceForTheOthersWhilePostsStayFast()
            throws Exception {
        Api.User owner = api.user();
        Api.User member = api.user();
        String g = api.guild(owner, "public");
        String voice = api.channel(owner, g, "voice");
        api.join(member, g);
        try (WsClient watcher = WsClient.connect(s.port(), owner.token())) {
            WsClient leaver = WsClient.connect(s.port(), member.token());
            watcher.subscribe(g, voice);
            watcher.await("voice_participant_sync");
            leaver.subscribe(g, voice);
            leaver.await("voice_participant_sync");
            Api.ok(api.call(member, "POST", "/guilds/" + g + "/channels/" + voice + "/voice/token", "{}"));
            watcher.await("voice_participant_join");

            leaver.abort(); // no close frame
            List<Long> postMillis = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                assertThat(api.post(owner, g, voice, "during-" + i).statusCode()).isEqualTo(200);
                postMillis.add((System.nanoTime() - start) / 1_000_000);
            }
            JsonNode left = watcher.await("voice_participant_leave");
            assertThat(left.get("d").get("user_id").asText()).isEqualTo(member.id());
            watcher.await(f -> "presence_update".equals(f.path("t").asText())
                    && "offline".equals(f.path("d").path("status").asText()));
            watcher.await(f -> isMessage(f, "during-9"));
            assertThat(postMillis).allMatch(ms -> ms < 2_000);
            assertConsecutive(watcher);
        }
    }

    @Test
    void logoutClosesTheSessionsSocketsWith4401() throws Exception {
        Api.User u = api.user();
        try (WsClient ws = WsClient.connect(s.port(), u.token())) {
            ws.await("ready");
            HttpResponse<String> out = s.postJson("/auth/logout", "{\"refresh_token\":\"" + u.refreshToken() + "\"}");
            assertThat(out.statusCode()).isEqualTo(204);
            assertThat(ws.closed.get(10, TimeUnit.SECONDS)).isEqualTo("4401 session_revoked");
        }
    }

    @Test
    void badFramesCloseOnlyTheirOwnSocketWithTheSpecCode() throws Exception {
        Api.User u = api.user();
        try (WsClient good = WsClient.connect(s.port(), u.token());
             WsClient badVersion = WsClient.connect(s.port(), u.token());
             WsClient unknown = WsClient.connect(s.port(), u.token())) {
            good.await("ready");
            badVersion.await("ready");
            unknown.await("ready");
            badVersion.send("subscribe", "{\"guild_id\":\"not-a-ulid\"}");
            unknown.send("teleport", "{}");
            assertThat(unknown.closed.get(10, TimeUnit.SECONDS)).isEqualTo("4400 unknown_event");
            assertThat(badVersion.closed.get(10, TimeUnit.SECONDS)).startsWith("4400");
            assertThat(good.closed).isNotDone();
        }
    }
}
