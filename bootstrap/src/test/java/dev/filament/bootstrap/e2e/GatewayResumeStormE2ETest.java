package dev.filament.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fault matrix's POST bound with resumes (#15): 1,000 gateway sessions each lose their socket (half without any
 * close frame) and resume while messages are broadcast to all of them. Every session, across its two sockets, gets
 * every message exactly once in order with consecutive {@code s}, and no POST waits on any of it.
 */
@ExtendWith(PostgresExtension.class)
class GatewayResumeStormE2ETest {
    private static final int SESSIONS = 1_000;
    private static final int THREADS = 8;

    /** One client session: the frames it processed on earlier sockets, and its current socket. */
    private static final class Session {
        final String token;
        final List<JsonNode> processed = new ArrayList<>();
        WsClient socket;

        Session(String token) {
            this.token = token;
        }
    }

    @Test
    void aThousandSessionsDropAndResumeDuringBroadcasts_loseNothing_andPostsStayFast(TestDatabase db)
            throws Exception {
        // loopback is the trusted proxy here, so the per-peer connection cap (SPEC 2.1) does not apply to 1,000 sockets
        try (RunningServer s = RunningServer.start(db, FaultMatrixE2ETest.env(
                "FILAMENT_TRUSTED_PROXY_CIDRS", "127.0.0.1/32"))) {
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
            HttpClient http = HttpClient.newHttpClient();
            List<Session> sessions = IntStream.range(0, SESSIONS)
                    .mapToObj(i -> new Session(users.get(i % users.size()).token())).toList();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            long connectStart = System.nanoTime();
            runAll(pool, sessions, session -> {
                session.socket = WsClient.connect(http, s.port(), session.token, "");
                session.socket.subscribe(g, c);
                session.socket.await("voice_participant_sync");
                return 0L;
            });
            long connectMs = (System.nanoTime() - connectStart) / 1_000_000;

            AtomicBoolean churning = new AtomicBoolean(true);
            List<Long> postMillis = new CopyOnWriteArrayList<>();
            Future<Integer> broadcaster = Executors.newSingleThreadExecutor().submit(() -> {
                int posted = 0;
                while (posted < 3_000 && (posted < 20 || churning.get())) {
                    FaultMatrixE2ETest.timedPost(api, owner, g, c, "storm-" + posted, postMillis);
                    posted++;
                    Thread.sleep(20);
                }
                return posted;
            });
            long churnStart = System.nanoTime();
            List<Long> resumeMicros = runAll(pool, sessions, session -> resume(http, s.port(), session));
            long churnMs = (System.nanoTime() - churnStart) / 1_000_000;
            churning.set(false);
            int posted = broadcaster.get();

            String last = "storm-" + (posted - 1);
            List<String> expected = IntStream.range(0, posted).mapToObj(i -> "storm-" + i).toList();
            for (Session session : sessions) {
                session.socket.await(f -> GatewayE2ETest.isMessage(f, last));
                List<JsonNode> stream = new ArrayList<>(session.processed);
                stream.addAll(session.socket.frames());
                for (int i = 0; i < stream.size(); i++) {
                    assertThat(stream.get(i).path("s").asLong()).as("s of frame %d", i).isEqualTo(i + 1L);
                }
                assertThat(stream.stream().filter(f -> "message_create".equals(f.path("t").asText()))
                        .map(f -> f.path("d").path("content").asText()).toList()).containsExactlyElementsOf(expected);
                session.socket.close();
            }
            pool.shutdown();
            List<Long> sorted = resumeMicros.stream().sorted().toList();
            System.out.printf("[resume] %d sessions connected in %d ms; all dropped and resumed in %d ms during %d"
                            + " broadcasts; resume latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; max POST %d ms%n",
                    SESSIONS, connectMs, churnMs, posted, sorted.get(sorted.size() / 2) / 1000.0,
                    sorted.get(sorted.size() * 99 / 100) / 1000.0, sorted.getLast() / 1000.0,
                    Collections.max(postMillis));
            assertThat(Collections.max(postMillis)).as("slowest POST while 1,000 sessions resumed")
                    .isLessThan(FaultMatrixE2ETest.POST_BOUND_MS);
            assertThat(s.get("/metrics").body())
                    .contains("filament_gateway_resumes_total{outcome=\"resumed\"} " + SESSIONS + ".0");
        }
    }

    // Drops the socket (even sessions without a close frame, odd ones with 4000) and resumes on a new one; returns the
    // microseconds from the new connect to its {@code resumed} frame.
    private static long resume(HttpClient http, int port, Session session) throws Exception {
        List<JsonNode> seen = session.socket.frames();
        String key = null;
        for (JsonNode f : seen) {
            if (f.path("d").has("resume_key")) {
                key = f.path("d").path("resume_key").asText();
            }
        }
        session.processed.addAll(seen);
        if (session.processed.size() % 2 == 0) {
            session.socket.abort();
        } else {
            session.socket.closeWith(4000);
        }
        long start = System.nanoTime();
        session.socket = WsClient.connect(http, port, session.token,
                "resume_key=" + key + "&resume_seq=" + seen.getLast().path("s").asLong());
        session.socket.await("resumed");
        return (System.nanoTime() - start) / 1_000;
    }

    private interface Step {
        long run(Session session) throws Exception;
    }

    private static List<Long> runAll(ExecutorService pool, List<Session> sessions, Step step) throws Exception {
        List<Callable<Long>> tasks = sessions.stream().<Callable<Long>>map(session -> () -> step.run(session))
                .toList();
        List<Long> out = new ArrayList<>();
        for (Future<Long> f : pool.invokeAll(tasks)) {
            out.add(f.get());
        }
        return out;
    }
}
