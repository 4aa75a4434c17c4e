package dev.filament.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.application.shared.testing.Eventually;
import dev.filament.application.shared.testing.RedisServer;
import dev.filament.bootstrap.proxy.CaddyProcess;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16 item 3 with real processes: one redis-server, one PostgreSQL, two server JVMs (the bootstrap main class on
 * the test classpath) and Caddy
 * (infra/Caddyfile.loopback) load-balancing between them. Proves a message posted on node A reaches a socket on B,
 * the auth quota is shared through Caddy, logout on A cuts B's socket within 1 s, a kick on A drops the member's
 * subscription on B, Redis stopped mid-run costs no 408 and no message and its return heals the relay, and a user
 * whose node is killed (SIGKILL) goes offline everywhere within 20 s.
 */
@ExtendWith(PostgresExtension.class)
class TwoNodeProcessE2ETest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void twoServerProcessesBehindCaddyShareOneCluster(TestDatabase db, @TempDir Path work) throws Exception {
        Assumptions.assumeTrue(CaddyProcess.installed(), "caddy is not installed (.ci/prepare installs it)");
        int[] ports = CaddyProcess.freeLoopbackPorts(4);
        try (RedisServer redis = RedisServer.start()) {
            Map<String, String> env = new HashMap<>();
            env.put("FILAMENT_DATABASE_URL", RunningServer.urlWithCredentials(db));
            env.put("FILAMENT_REDIS_URL", redis.url());
            env.put("FILAMENT_TRUSTED_PROXY_CIDRS", "127.0.0.1/32");
            env.put("FILAMENT_ATTACHMENT_ROOT", work.resolve("blobs").toString());
            env.put("FILAMENT_DATA_DIR", work.resolve("data").toString());
            env.put("FILAMENT_RATE_LIMIT_REQUESTS_PER_MINUTE", "100000");
            env.put("FILAMENT_LOG_FORMAT", "json");
            Process a = node(env, "node-a", ports[0], work);
            Process b = node(env, "node-b", ports[1], work);
            awaitHealthy(ports[0], "");
            awaitHealthy(ports[1], ""); // before Caddy starts: its first active health check must find both up
            try (CaddyProcess caddy = CaddyProcess.start(CaddyProcess.infraFile("Caddyfile.loopback"), Map.of(
                    "FILAMENT_CADDY_DIRECT_PORT", String.valueOf(ports[2]),
                    "FILAMENT_CADDY_CDN_PORT", String.valueOf(ports[3]),
                    "FILAMENT_UPSTREAM_PORT", String.valueOf(ports[0]),
                    "FILAMENT_UPSTREAM_PORT_2", String.valueOf(ports[1])), work, ports[2])) {
                awaitHealthy(ports[2], "/api");
                Api apiA = new Api(Api.Target.loopback(http, ports[0]));
                Api apiB = new Api(Api.Target.loopback(http, ports[1]));
                Api.Target viaCaddy = apiTarget(ports[2]);
                crossNodeDeliveryAndRevocation(apiA, apiB, ports);
                sharedAuthQuotaThroughCaddy(viaCaddy);
                kickOnADropsTheSubscriptionOnB(apiA, apiB, ports);
                killedNodeGoesOffline(apiA, apiB, ports, b);
                redisStoppedMidRunLosesNothingAndItsReturnHeals(apiA, ports[0], redis);
            } catch (AssertionError e) {
                for (String log : List.of("caddy.stdout.log", "caddy.stderr.log")) {
                    List<String> lines = Files.readAllLines(work.resolve(log));
                    System.out.println(log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 8),
                            lines.size())));
                }
                throw e;
            } finally {
                a.destroy();
                b.destroyForcibly();
                a.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    // a separate JVM running dev.filament.bootstrap.Main from this test run's classpath
    private static Process node(Map<String, String> env, String id, int port, Path work) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "--sun-misc-unsafe-memory-access=allow",
                "-cp", classpath, "dev.filament.bootstrap.Main"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve(id + ".log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("FILAMENT_"));
        pb.environment().putAll(env);
        pb.environment().put("FILAMENT_NODE_ID", id);
        pb.environment().put("FILAMENT_BIND_ADDR", "127.0.0.1:" + port);
        return pb.start();
    }

    private void awaitHealthy(int port, String prefix) throws Exception {
        Eventually.retrying("healthy on " + port, Duration.ofSeconds(60), Exception.class, () -> {
            Api.Target target = Api.Target.loopback(http, port);
            assertThat(target.send(target.request(prefix + "/health")).statusCode()).isEqualTo(200);
            return port;
        });
    }

    private Api.Target apiTarget(int caddyPort) {
        Api.Target raw = Api.Target.loopback(http, caddyPort);
        return new Api.Target() {
            @Override
            public java.net.http.HttpRequest.Builder request(String path) {
                return raw.request("/api" + path);
            }

            @Override
            public java.net.http.HttpResponse<String> send(java.net.http.HttpRequest.Builder request)
                    throws Exception {
                return raw.send(request);
            }
        };
    }

    private static void crossNodeDeliveryAndRevocation(Api apiA, Api apiB, int[] ports) throws Exception {
        Api.User owner = apiA.user();
        Api.User member = apiB.user();
        String g = apiA.guild(owner, "public");
        String c = apiA.channel(owner, g, "text");
        apiB.join(member, g);
        try (WsClient onB = WsClient.connect(ports[1], member.token())) {
            onB.await("ready");
            onB.subscribe(g, c);
            onB.await("presence_sync");
            for (int i = 0; i < 10; i++) {
                assertThat(apiA.post(owner, g, c, "p" + i).statusCode()).isEqualTo(200);
            }
            onB.await(f -> GatewayE2ETest.isMessage(f, "p9"));
            assertThat(onB.frames().stream().filter(f -> "message_create".equals(f.path("t").asText()))
                    .map(f -> f.get("d").get("content").asText()).toList())
                    .containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9");
            long start = System.nanoTime();
            assertThat(Api.Target.loopback(HttpClient.newHttpClient(), ports[0]).postJson("/auth/logout",
                    "{\"refresh_token\":\"" + member.refreshToken() + "\"}").statusCode()).isEqualTo(204);
            assertThat(onB.closed.get(1, TimeUnit.SECONDS)).isEqualTo("4401 session_revoked");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        }
    }

    private static void sharedAuthQuotaThroughCaddy(Api.Target viaCaddy) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 61; i++) {
            statuses.add(viaCaddy.postJson("/auth/refresh", "{\"refresh_token\":\"x\"}").statusCode());
        }
        assertThat(statuses.subList(0, 60)).as("%s", statuses).doesNotContain(429);
        assertThat(statuses.get(60)).as("%s", statuses).isEqualTo(429);
    }

    private static void kickOnADropsTheSubscriptionOnB(Api apiA, Api apiB, int[] ports) throws Exception {
        Api.User owner = apiA.user();
        Api.User member = apiB.user();
        String g = apiA.guild(owner, "public");
        String c = apiA.channel(owner, g, "text");
        apiB.join(member, g);
        try (WsClient onB = WsClient.connect(ports[1], member.token())) {
            onB.await("ready");
            onB.subscribe(g, c);
            onB.await("presence_sync");
            Api.ok(apiA.call(owner, "POST", "/guilds/" + g + "/members/" + member.id() + "/kick", null));
            assertThat(onB.await("unsubscribed").get("d").get("reason").asText()).isEqualTo("kick");
        }
    }

    // Redis stopped (on the surviving node A): every post still answers 200 quickly (no 408) and reaches A's own
    // sockets; Redis back: A's readiness heals (cross-node healing: TwoNodeE2ETest)
    private static void redisStoppedMidRunLosesNothingAndItsReturnHeals(Api apiA, int portA, RedisServer redis)
            throws Exception {
        Api.User owner = apiA.user();
        String g = apiA.guild(owner, "public");
        String c = apiA.channel(owner, g, "text");
        try (WsClient onA = WsClient.connect(portA, owner.token())) {
            onA.await("ready");
            onA.subscribe(g, c);
            onA.await("presence_sync");
            redis.stop();
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                assertThat(apiA.post(owner, g, c, "down" + i).statusCode()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            }
            onA.await(f -> GatewayE2ETest.isMessage(f, "down9"));
            assertThat(onA.frames().stream().filter(f -> "message_create".equals(f.path("t").asText())).count())
                    .isEqualTo(10);
            Api.Target a = Api.Target.loopback(HttpClient.newHttpClient(), portA);
            assertThat(a.send(a.request("/health/ready")).body()).contains("\"redis\":{\"status\":\"degraded\"");
            redis.restart();
            Eventually.until("A's redis readiness ok again", Duration.ofSeconds(15),
                    () -> a.send(a.request("/health/ready")).body(),
                    body -> body.contains("\"redis\":{\"status\":\"ok\""));
        }
    }

    private static void killedNodeGoesOffline(Api apiA, Api apiB, int[] ports, Process b) throws Exception {
        Api.User owner = apiA.user();
        Api.User member = apiB.user();
        String g = apiA.guild(owner, "public");
        String c = apiA.channel(owner, g, "text");
        apiB.join(member, g);
        try (WsClient watcher = WsClient.connect(ports[0], owner.token());
             WsClient onB = WsClient.connect(ports[1], member.token())) {
            watcher.await("ready");
            watcher.subscribe(g, c);
            watcher.await("presence_sync");
            onB.await("ready");
            onB.subscribe(g, c);
            watcher.await(f -> TwoNodeE2ETest.isPresence(f, member, "online"));
            b.destroyForcibly(); // SIGKILL: no shutdown hook, the janitor of A must clean up
            long start = System.nanoTime();
            JsonNode offline = Eventually.until("offline after the kill", Duration.ofSeconds(25),
                    () -> watcher.frames().stream().filter(f -> TwoNodeE2ETest.isPresence(f, member, "offline")).findFirst(),
                    java.util.Optional::isPresent).orElseThrow();
            assertThat(offline).isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(21));
        }
    }
}
