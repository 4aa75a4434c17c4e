package dev.filament.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.application.shared.testing.Eventually;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fault matrix of INCIDENT.md against the real server: whatever a consumer or dependency does after the commit,
 * POSTs answer within their bound (never 408), nothing committed is lost, and the server recovers by itself.
 */
@ExtendWith(PostgresExtension.class)
class FaultMatrixE2ETest {
    static final long POST_BOUND_MS = 2_000; // generous: normal POSTs take milliseconds, the budget is 10 s
    private static final String BIG = "x".repeat(1_900);
    private static final int CHURN_PER_THREAD = 170; // 6 threads: 1,020 sockets connect, subscribe and leave

    static Map<String, String> env(String... extra) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "FILAMENT_RATE_LIMIT_REQUESTS_PER_MINUTE", "1000000",
                "FILAMENT_AUTH_ROUTE_REQUESTS_PER_MINUTE", "1000000"));
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    static long timedPost(Api api, Api.User u, String g, String c, String content, List<Long> millis)
            throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = api.post(u, g, c, content);
        long ms = (System.nanoTime() - start) / 1_000_000;
        millis.add(ms);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ms;
    }

    @Test
    void aSocketThatNeverReadsIsClosedSlowConsumerWhileOthersGetEverythingAndPostsStayFast(TestDatabase db)
            throws Exception {
        try (RunningServer s = RunningServer.start(db, env("FILAMENT_LIVEKIT_API_KEY", "devkey",
                "FILAMENT_LIVEKIT_API_SECRET", "devsecret-devsecret-devsecret-00",
                "FILAMENT_MEDIA_TOKEN_REQUESTS_PER_MINUTE", "100000"))) {
            Api api = new Api(s);
            Api.User owner = api.user();
            Api.User stuckUser = api.user();
            String g = api.guild(owner, "public");
            String c = api.channel(owner, g, "text");
            String voice = api.channel(owner, g, "voice");
            api.join(stuckUser, g);
            List<WsClient> others = new ArrayList<>(); // 8 more healthy sockets: 1 of 10 stalls (10%)
            for (int i = 0; i < 8; i++) {
                WsClient w = WsClient.connect(s.port(), owner.token());
                w.subscribe(g, c);
                w.await("voice_participant_sync"); // subscribed before the first POST fans out
                others.add(w);
            }
            try (WsClient watcher = WsClient.connect(s.port(), owner.token());
                 RawWsClient stuck = new RawWsClient(s.port(), stuckUser.token())) {
                watcher.subscribe(g, c);
                watcher.await("voice_participant_sync");
                for (String channel : List.of(voice, c)) {
                    stuck.sendText("{\"v\":1,\"t\":\"subscribe\",\"d\":{\"guild_id\":\"" + g
                            + "\",\"channel_id\":\"" + channel + "\"}}");
                }
                watcher.await(f -> "presence_update".equals(f.path("t").asText())
                        && stuckUser.id().equals(f.path("d").path("user_id").asText()));

                List<Long> millis = new ArrayList<>();
                List<Long> voiceMillis = new ArrayList<>();
                int sent = 0;
                while (sent < 3_000 && watcher.frames().stream().noneMatch(f -> offline(f, stuckUser.id()))) {
                    timedPost(api, owner, g, c, BIG + sent, millis);
                    if (sent % 25 == 0) { // voice events fan out to the stalled socket too
                        long start = System.nanoTime();
                        Api.ok(api.call(owner, "POST", "/guilds/" + g + "/channels/" + voice + "/voice/token", "{}"));
                        assertThat(api.call(owner, "POST", "/guilds/" + g + "/channels/" + voice + "/voice/leave",
                                null).statusCode()).isEqualTo(204);
                        voiceMillis.add((System.nanoTime() - start) / 1_000_000);
                    }
                    sent++;
                }
                assertThat(Collections.max(voiceMillis)).as("voice token + leave while a subscriber stalls")
                        .isLessThan(POST_BOUND_MS);
                watcher.await(f -> offline(f, stuckUser.id()));
                String last = BIG + (sent - 1);
                watcher.await(f -> GatewayE2ETest.isMessage(f, last));
                System.out.printf("[fault] slow consumer closed after %d POSTs; max POST %d ms; max voice token+leave"
                        + " %d ms%n", sent, Collections.max(millis), Collections.max(voiceMillis));
                others.add(watcher);
                for (WsClient healthy : others) {
                    healthy.await(f -> GatewayE2ETest.isMessage(f, last));
                    assertThat(healthy.count("message_create")).as("every healthy socket got every message")
                            .isEqualTo(sent);
                    GatewayE2ETest.assertConsecutive(healthy);
                }
                assertThat(Collections.max(millis)).as("slowest POST while a consumer stalled")
                        .isLessThan(POST_BOUND_MS);
                assertThat(s.get("/metrics").body()).contains("filament_ws_disconnects_total{reason=\"slow_consumer\"} 1");
            } finally {
                others.forEach(WsClient::close);
            }
        }
    }

    static boolean offline(JsonNode f, String user) {
        return "presence_update".equals(f.path("t").asText()) && user.equals(f.path("d").path("user_id").asText())
                && "offline".equals(f.path("d").path("status").asText());
    }

    @Test
    void aThousandSocketsChurningDuringBroadcastsLoseNothingForThoseThatStay(TestDatabase db) throws Exception {
        try (RunningServer s = RunningServer.start(db, env())) {
            Api api = new Api(s);
            Api.User owner = api.user();
            String g = api.guild(owner, "public");
            String c = api.channel(owner, g, "text");
            List<Api.User> users = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Api.User u = api.user();
                api.join(u, g);
                users.add(u);
            }
            List<WsClient> stayers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                WsClient w = WsClient.connect(s.port(), users.get(i % users.size()).token());
                w.subscribe(g, c);
                stayers.add(w);
            }
            for (WsClient w : stayers) {
                w.await("voice_participant_sync");
            }
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<Integer>> churners = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int worker = t;
                churners.add(pool.submit(() -> {
                    int cycles = 0;
                    while (cycles < CHURN_PER_THREAD) {
                        try (WsClient w = WsClient.connect(s.port(), users.get((worker + cycles) % users.size())
                                .token())) {
                            w.subscribe(g, c);
                            if (cycles % 2 == 0) {
                                w.abort(); // half leave without a close frame
                            }
                        }
                        cycles++;
                    }
                    return cycles;
                }));
            }
            List<Long> millis = new ArrayList<>();
            int posted = 0;
            // broadcasts run for as long as the churn does (a cap keeps a slow churn from posting without end)
            while (posted < 3_000 && (posted < 60 || churners.stream().anyMatch(f -> !f.isDone()))) {
                timedPost(api, owner, g, c, "storm-" + posted, millis);
                posted++;
            }
            int churned = 0;
            for (Future<Integer> f : churners) {
                churned += f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            String last = "storm-" + (posted - 1);
            for (WsClient w : stayers) {
                w.await(f -> GatewayE2ETest.isMessage(f, last));
                assertThat(w.count("message_create")).isEqualTo(posted);
                GatewayE2ETest.assertConsecutive(w);
                w.close();
            }
            System.out.printf("[fault] %d sockets churned during %d broadcasts to 40 stayers; max POST %d ms%n",
                    churned, posted, Collections.max(millis));
            assertThat(churned).as("sockets churned during the broadcasts").isEqualTo(6 * CHURN_PER_THREAD);
            assertThat(Collections.max(millis)).isLessThan(POST_BOUND_MS);
        }
    }

    @Test
    void aWedgedSearchIndexerNeverSlowsPostsShowsInReadinessAndDrainsAfterRelease(TestDatabase db) throws Exception {
        try (RunningServer s = RunningServer.start(db, env("FILAMENT_SEARCH_MAX_LAG_SECONDS", "1"))) {
            Api api = new Api(s);
            Api.User owner = api.user();
            String g = api.guild(owner, "private");
            String c = api.channel(owner, g, "text");
            List<Long> millis = new ArrayList<>();
            try (Connection locker = db.dataSource().getConnection()) {
                locker.setAutoCommit(false);
                try (Statement st = locker.createStatement()) {
                    st.execute("LOCK TABLE search_documents IN ACCESS EXCLUSIVE MODE");
                }
                for (int i = 0; i < 20; i++) {
                    timedPost(api, owner, g, c, "wedged" + i + " needle", millis);
                }
                HttpResponse<String> ready = Eventually.until("readiness turns unready", Duration.ofSeconds(15),
                        () -> s.get("/health/ready"), answer -> answer.statusCode() != 200);
                assertThat(ready.statusCode()).as("readiness shows the wedged indexer").isEqualTo(503);
                assertThat(ready.body()).contains("\"search_indexer\":{\"status\":\"degraded\"");
                locker.rollback();
            }
            System.out.printf("[fault] indexer wedged: max POST %d ms over 20 POSTs%n", Collections.max(millis));
            assertThat(Collections.max(millis)).isLessThan(POST_BOUND_MS);
            JsonNode found = Eventually.until("all 20 messages are found", Duration.ofSeconds(20),
                    () -> Api.ok(api.call(owner, "GET", "/guilds/" + g + "/search?q=needle&limit=50", null)),
                    answer -> answer.get("message_ids").size() >= 20);
            assertThat(found.get("message_ids")).as("every committed message indexed after release").hasSize(20);
        }
    }
}
