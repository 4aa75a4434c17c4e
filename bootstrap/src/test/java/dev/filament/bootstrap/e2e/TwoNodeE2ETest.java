package dev.filament.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.application.shared.testing.Eventually;
import dev.filament.application.shared.testing.RedisServer;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scale-out (SPEC 17, issue #16): two nodes on one PostgreSQL and one Redis. The nodes run in this JVM (the full
 * wiring each, separate ports, separate instance ids); Redis is a real {@code redis-server} process, stopped and
 * restarted mid-run by the last test.
 */
@ExtendWith(PostgresExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeE2ETest {
    private static RedisServer redis;
    private static RunningServer a;
    private static RunningServer b;
    private static Api apiA;
    private static Api apiB;

    @BeforeAll
    static void start(TestDatabase db) throws Exception {
        redis = RedisServer.start();
        a = node(db, "node-a");
        b = node(db, "node-b");
        apiA = new Api(a);
        apiB = new Api(b);
    }

    private static RunningServer node(TestDatabase db, String id) {
        return RunningServer.start(db, Map.of("FILAMENT_REDIS_URL", redis.url(), "FILAMENT_NODE_ID", id,
                "FILAMENT_RATE_LIMIT_REQUESTS_PER_MINUTE", "100000", "FILAMENT_LIVEKIT_API_KEY", "devkey",
                "FILAMENT_LIVEKIT_API_SECRET", "devsecret-devsecret-devsecret-00",
                "FILAMENT_MEDIA_TOKEN_REQUESTS_PER_MINUTE", "100000"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {a, b, redis}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private record Room(Api.User owner, Api.User member, String guild, String channel) {
    }

    private static Room room() throws Exception {
        Api.User owner = apiA.user();
        Api.User member = apiB.user();
        String g = apiA.guild(owner, "public");
        String c = apiA.channel(owner, g, "text");
        apiB.join(member, g);
        return new Room(owner, member, g, c);
    }

    private static WsClient subscribed(RunningServer node, Api.User user, Room room) throws Exception {
        WsClient ws = WsClient.connect(node.port(), user.token());
        ws.await("ready");
        ws.subscribe(room.guild(), room.channel());
        ws.await("presence_sync");
        return ws;
    }

    @Test
    @Order(1)
    void messagesPostedOnOneNodeReachSubscribersOnTheOtherInOrder() throws Exception {
        Room room = room();
        try (WsClient onB = subscribed(b, room.member(), room)) {
            for (int i = 0; i < 20; i++) {
                assertThat(apiA.post(room.owner(), room.guild(), room.channel(), "x" + i).statusCode()).isEqualTo(200);
            }
            onB.await(f -> GatewayE2ETest.isMessage(f, "x19"));
            List<String> contents = onB.frames().stream().filter(f -> "message_create".equals(f.path("t").asText()))
                    .map(f -> f.get("d").get("content").asText()).toList();
            assertThat(contents).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, 20).mapToObj(i -> "x" + i).toList());
            GatewayE2ETest.assertConsecutive(onB);
        }
    }

    @Test
    @Order(2)
    void anAuthLimiterQuotaIsSharedByBothNodes() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 61; i++) {
            RunningServer node = i % 2 == 0 ? a : b;
            statuses.add(node.postJson("/auth/refresh", "{\"refresh_token\":\"x\"}").statusCode());
        }
        assertThat(statuses.subList(0, 60)).as("60 over two nodes").doesNotContain(429);
        assertThat(statuses.get(60)).as("the 61st, whichever node").isEqualTo(429);
    }

    @Test
    @Order(3)
    void logoutOnOneNodeCutsTheAccessTokenAndSocketOnTheOtherWithinOneSecond() throws Exception {
        Api.User user = apiA.user();
        assertThat(apiB.call(user, "GET", "/auth/me", null).statusCode()).as("cached live on B").isEqualTo(200);
        try (WsClient onB = WsClient.connect(b.port(), user.token())) {
            onB.await("ready");
            long start = System.nanoTime();
            assertThat(a.postJson("/auth/logout", "{\"refresh_token\":\"" + user.refreshToken() + "\"}").statusCode())
                    .isEqualTo(204);
            assertThat(onB.closed.get(1, TimeUnit.SECONDS)).isEqualTo("4401 session_revoked");
            int status = apiB.call(user, "GET", "/auth/me", null).statusCode();
            assertThat(status).isEqualTo(401);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    @Order(4)
    void aKickOnOneNodeDropsTheSubscriptionOnTheOther() throws Exception {
        Room room = room();
        try (WsClient onB = subscribed(b, room.member(), room)) {
            assertThat(apiB.post(room.member(), room.guild(), room.channel(), "warm").statusCode())
                    .as("B's access cache holds the membership").isEqualTo(200);
            Api.ok(apiA.call(room.owner(), "POST", "/guilds/" + room.guild() + "/members/" + room.member().id()
                    + "/kick", null));
            assertThat(apiB.post(room.member(), room.guild(), room.channel(), "after").statusCode())
                    .as("the next request on B checks the guild's version (17.8)").isIn(403, 404);
            JsonNode unsubscribed = onB.await("unsubscribed");
            assertThat(unsubscribed.get("d").get("reason").asText()).isEqualTo("kick");
        }
    }

    @Test
    @Order(5)
    void aUserIsOnlineWhileAnyNodeHoldsASocketAndOfflineWhenTheLastCloses() throws Exception {
        Room room = room();
        try (WsClient watcher = subscribed(a, room.owner(), room)) {
            WsClient onA = subscribed(a, room.member(), room);
            watcher.await(f -> isPresence(f, room.member(), "online"));
            WsClient onB = subscribed(b, room.member(), room);
            // B reports its online transition to Redis on its own presence worker, after the subscribe answered:
            // only once both instances are counted does closing A's socket leave the user online (SPEC 17.6)
            Eventually.until("the member counted online on both instances", Duration.ofSeconds(5),
                    () -> "2".equals(presenceCount(room.guild(), room.member())));
            JsonNode sync = onB.frames().stream().filter(f -> "presence_sync".equals(f.path("t").asText()))
                    .findFirst().orElseThrow();
            assertThat(sync.toString()).as("B's presence_sync lists the owner, online only on A")
                    .contains(room.owner().id());
            onA.close();
            Thread.sleep(500); // a wrong offline would be published within this window
            assertThat(watcher.frames()).noneMatch(f -> isPresence(f, room.member(), "offline"));
            onB.close();
            watcher.await(f -> isPresence(f, room.member(), "offline"));
        }
    }

    @Test
    @Order(6)
    void voiceIsSharedAndAUserLeavesItOnlyWhenTheirLastSocketOnAnyNodeCloses() throws Exception {
        Api.User owner = apiA.user();
        Api.User member = apiB.user();
        String g = apiA.guild(owner, "public");
        String voice = apiA.channel(owner, g, "voice");
        apiB.join(member, g);
        WsClient memberOnA = WsClient.connect(a.port(), member.token());
        WsClient memberOnB = WsClient.connect(b.port(), member.token());
        memberOnA.await("ready");
        memberOnB.await("ready");
        Api.ok(apiA.call(member, "POST", "/guilds/" + g + "/channels/" + voice + "/voice/token", "{}"));
        try (WsClient watcher = WsClient.connect(b.port(), owner.token())) {
            watcher.subscribe(g, voice);
            assertThat(watcher.await("voice_participant_sync").get("d").get("participants").toString())
                    .as("registered through A, listed on B").contains(member.id());

            memberOnA.close();
            Eventually.until("A's count removed", Duration.ofSeconds(5),
                    () -> connectionCounts(member).size() == 1);
            try (WsClient second = WsClient.connect(a.port(), owner.token())) {
                second.subscribe(g, voice);
                assertThat(second.await("voice_participant_sync").get("d").get("participants").toString())
                        .as("still in voice: B holds a socket").contains(member.id());
            }
            assertThat(watcher.frames()).noneMatch(f -> "voice_participant_leave".equals(f.path("t").asText()));

            memberOnB.close();
            JsonNode left = watcher.await("voice_participant_leave");
            assertThat(left.get("d").get("user_id").asText()).isEqualTo(member.id());
        }
    }

    /** The user's field of {@code filament:presence:g:{G}}: on how many instances the user is online in G. */
    private static String presenceCount(String guild, Api.User user) {
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(redis.url());
        try (var connection = client.connect()) {
            return connection.sync().hget("filament:presence:g:{" + guild + "}", user.id());
        } finally {
            client.shutdown();
        }
    }

    /** The user's {@code filament:conns:u:{U}} hash (instance -> attached connections). */
    private static Map<String, String> connectionCounts(Api.User user) {
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(redis.url());
        try (var connection = client.connect()) {
            return connection.sync().hgetall("filament:conns:u:{" + user.id() + "}");
        } finally {
            client.shutdown();
        }
    }

    /** The node's {@code filament_relay_gaps_total}, all reasons; -1 while it does not answer. */
    private static double relayGaps(RunningServer node) {
        try {
            return relayGaps(node.get("/metrics").body());
        } catch (Exception e) {
            return -1;
        }
    }

    /** The sum of {@code filament_relay_gaps_total} samples in a Prometheus scrape. */
    static double relayGaps(String metrics) {
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("filament_relay_gaps_total")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    static boolean isPresence(JsonNode f, Api.User user, String status) {
        return "presence_update".equals(f.path("t").asText()) && user.id().equals(f.path("d").path("user_id").asText())
                && status.equals(f.path("d").path("status").asText());
    }

    @Test
    @Order(6)
    void aRenameOnOneNodeReachesAFriendOnTheOtherAndTheOtherNodesSessionCache() throws Exception {
        Api.User subject = apiA.user();
        Api.User friend = apiB.user();
        String request = Api.ok(apiB.call(friend, "POST", "/friends/requests",
                "{\"recipient_user_id\":\"" + subject.id() + "\"}")).get("request_id").asText();
        Api.ok(apiA.call(subject, "POST", "/friends/requests/" + request + "/accept", null));
        assertThat(apiB.call(subject, "GET", "/auth/me", null).statusCode()).as("cached live on B").isEqualTo(200);
        try (WsClient onB = WsClient.connect(b.port(), friend.token())) {
            onB.await("ready");
            String name = "Moved_" + subject.id().substring(20);
            Api.ok(apiA.call(subject, "PATCH", "/users/me/profile", "{\"username\":\"" + name + "\"}"));
            // observers(U) is relayed unresolved and resolved on B against B's own sockets (SPEC 17.3)
            JsonNode event = onB.await(f -> "profile_update".equals(f.path("t").asText())
                    && subject.id().equals(f.path("d").path("user_id").asText()));
            assertThat(event.path("d").path("updated_fields").path("username").asText()).isEqualTo(name);
            // the user entry reached B's live-session cache: B answers with the new name
            Eventually.until("B's /auth/me shows the new name", Duration.ofSeconds(1),
                    () -> Api.ok(apiB.call(subject, "GET", "/auth/me", null)).get("username").asText(),
                    name::equals);
        }
    }

    @Test
    @Order(9)
    void redisDownDegradesToLocalDeliveryWithoutTimeoutsAndItsReturnHeals() throws Exception {
        Room room = room();
        try (WsClient localOnA = subscribed(a, room.owner(), room)) {
            double gapsA = relayGaps(a);
            double gapsB = relayGaps(b);
            redis.stop();
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                HttpResponse<String> posted = apiA.post(room.owner(), room.guild(), room.channel(), "down" + i);
                assertThat(posted.statusCode()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            }
            localOnA.await(f -> GatewayE2ETest.isMessage(f, "down9"));
            assertThat(apiB.user()).as("auth limiters fall back to local state").isNotNull();
            HttpResponse<String> ready = b.get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("\"redis\":{\"status\":\"degraded\"");
            redis.restart();
            // SPEC 17.9: each node closes its sockets 1013 relay_gap once it sees Redis lost its data; wait for both,
            // so the sockets opened below are not closed by it
            Eventually.until("both nodes noticed the Redis restart", Duration.ofSeconds(20),
                    () -> relayGaps(a) > gapsA && relayGaps(b) > gapsB);
        }
        Eventually.until("redis readiness ok again", Duration.ofSeconds(10), () -> b.get("/health/ready").body(),
                body -> body.contains("\"redis\":{\"status\":\"ok\""));
        Room after = room();
        // a node may still close a fresh socket 1013 relay_gap for the restart (its trim check and its reset check are
        // separate); the client then reconnects, as clients do (SPEC 17.3), and delivery across nodes works again
        Eventually.retrying("a post on A reaches a fresh socket on B", Duration.ofSeconds(40), AssertionError.class,
                () -> {
                    try (WsClient onB = subscribed(b, after.member(), after)) {
                        String text = "healed-" + System.nanoTime();
                        Api.ok(apiA.post(after.owner(), after.guild(), after.channel(), text));
                        return onB.await(f -> GatewayE2ETest.isMessage(f, text));
                    }
                });
    }
}
