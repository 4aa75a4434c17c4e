package dev.filament.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #11 item 6: clients coming back after a deploy. 2,000 sockets connect at once to a warm server and every one
 * reaches {@code subscribed} with no error; the upgrades and subscribes borrow (almost) no pooled connection, so the
 * pool's acquire timeout cannot answer 503. The clients spread over 8 loopback addresses so the server's per-peer cap
 * (256, SPEC 2.1) stays at its default; only the test's own limits (rate limiter) are raised.
 */
@ExtendWith(PostgresExtension.class)
class ReconnectStormE2ETest {
    private static final int SOCKETS = 2_000;
    private static final int USERS = 20;
    private static final int PEERS = 8;

    @Test
    void twoThousandSocketsConnectingAtOnceAllSubscribeWithoutTheDatabase(TestDatabase db) throws Exception {
        try (RunningServer s = RunningServer.start(db, Map.of("FILAMENT_RATE_LIMIT_REQUESTS_PER_MINUTE", "1000000",
                "FILAMENT_AUTH_ROUTE_REQUESTS_PER_MINUTE", "100000"))) {
            Api api = new Api(s);
            Api.User owner = api.user();
            String guild = api.guild(owner, "public");
            String channel = api.channel(owner, guild, "text");
            List<Api.User> users = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                Api.User u = api.user();
                api.join(u, guild);
                users.add(u);
            }
            List<HttpClient> peers = new ArrayList<>();
            for (int p = 0; p < PEERS; p++) {
                peers.add(HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0." + (2 + p)))
                        .connectTimeout(Duration.ofSeconds(30)).build());
            }
            URI uri = URI.create("ws://127.0.0.1:" + s.port() + "/gateway/ws");
            // warm: each user's session and the guild's access snapshot are cached
            storm(peers, uri, users, USERS, guild, channel).assertAllSubscribed(USERS);

            double acquiredBefore = acquisitions(s);
            Storm storm = storm(peers, uri, users, SOCKETS, guild, channel);
            storm.assertAllSubscribed(SOCKETS);
            double acquired = acquisitions(s) - acquiredBefore;
            // one read per upgrade and per subscribe would be 4,000; what remains is background work (indexer polls)
            // and the cache refills every 5 s (20 sessions, the guild's snapshot), so it grows with the storm's length
            assertThat(acquired).as("pooled connections borrowed during the storm").isLessThan(SOCKETS / 4.0);
            storm.close();
        }
    }

    private static double acquisitions(RunningServer s) throws Exception {
        for (String line : s.get("/metrics").body().split("\n")) {
            if (line.startsWith("hikaricp_connections_acquire_seconds_count")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("hikaricp_connections_acquire_seconds_count is not exposed");
    }

    private static Storm storm(List<HttpClient> peers, URI uri, List<Api.User> users, int sockets, String guild,
                               String channel) {
        Storm storm = new Storm(sockets);
        for (int i = 0; i < sockets; i++) {
            Socket socket = new Socket(storm, guild, channel);
            peers.get(i % peers.size()).newWebSocketBuilder()
                    .header("Authorization", "Bearer " + users.get(i % users.size()).token())
                    .buildAsync(uri, socket)
                    .whenComplete((ws, failure) -> {
                        if (failure != null) {
                            storm.failures.add("connect: " + failure);
                            storm.done.countDown();
                        } else {
                            storm.open.add(ws);
                        }
                    });
        }
        return storm;
    }

    /** One wave of sockets: each counts down once, when subscribed or when it failed. */
    private static final class Storm implements AutoCloseable {
        final CountDownLatch done;
        final Queue<String> failures = new ConcurrentLinkedQueue<>();
        final Queue<WebSocket> open = new ConcurrentLinkedQueue<>();

        Storm(int sockets) {
            done = new CountDownLatch(sockets);
        }

        void assertAllSubscribed(int sockets) throws InterruptedException {
            assertThat(done.await(90, TimeUnit.SECONDS)).as("all %d sockets answered; failures %s", sockets,
                    failures).isTrue();
            assertThat(failures).isEmpty();
        }

        @Override
        public void close() {
            open.forEach(WebSocket::abort);
        }
    }

    private static final class Socket implements WebSocket.Listener {
        private final Storm storm;
        private final String subscribe;
        private final StringBuilder partial = new StringBuilder();
        private boolean finished;

        Socket(Storm storm, String guild, String channel) {
            this.storm = storm;
            this.subscribe = "{\"v\":1,\"t\":\"subscribe\",\"d\":{\"guild_id\":\"" + guild + "\",\"channel_id\":\""
                    + channel + "\"}}";
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                if (frame.contains("\"t\":\"ready\"")) {
                    ws.sendText(subscribe, true);
                } else if (frame.contains("\"t\":\"subscribed\"")) {
                    finish(null);
                } else if (frame.contains("\"t\":\"error\"")) {
                    finish("error frame " + frame);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            finish("closed " + statusCode + " " + reason);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            finish("error " + error);
        }

        private synchronized void finish(String failure) {
            if (finished) {
                return;
            }
            finished = true;
            if (failure != null) {
                storm.failures.add(failure);
            }
            storm.done.countDown();
        }
    }
}
