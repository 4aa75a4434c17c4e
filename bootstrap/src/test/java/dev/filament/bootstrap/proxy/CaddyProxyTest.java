package dev.filament.bootstrap.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.bootstrap.e2e.LogCapture;
import dev.filament.bootstrap.e2e.RunningServer;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server behind a real Caddy running infra/Caddyfile.loopback (SPEC 15, INCIDENT 2 and 3): prefix stripping,
 * operator routes refused at the edge, rate-limit keys that clients cannot choose, and one request id in both logs.
 */
@ExtendWith(PostgresExtension.class)
class CaddyProxyTest {
    private static final int BUCKET = 5;
    private static final int AUTH_BUCKET = 3;
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TempDir
    static Path work;
    private static RunningServer server;
    private static CaddyProcess caddy;
    private static int directPort;
    private static int cdnPort;
    private static final HttpClient LOCAL = client(null);

    @BeforeAll
    static void start(TestDatabase db) throws Exception {
        assumeTrue(CaddyProcess.installed(),
                "no `caddy` binary on the PATH: the Caddy proxy tests are skipped (.ci/prepare installs Debian's caddy)");
        server = RunningServer.start(db, Map.of("FILAMENT_TRUSTED_PROXY_CIDRS", "127.0.0.1/32",
                "FILAMENT_RATE_LIMIT_REQUESTS_PER_MINUTE", String.valueOf(BUCKET),
                "FILAMENT_AUTH_ROUTE_REQUESTS_PER_MINUTE", String.valueOf(AUTH_BUCKET)));
        int[] ports = CaddyProcess.freeLoopbackPorts(2);
        directPort = ports[0];
        cdnPort = ports[1];
        caddy = CaddyProcess.start(CaddyProcess.infraFile("Caddyfile.loopback"), Map.of(
                "FILAMENT_CADDY_DIRECT_PORT", String.valueOf(directPort),
                "FILAMENT_CADDY_CDN_PORT", String.valueOf(cdnPort),
                "FILAMENT_UPSTREAM_PORT", String.valueOf(server.port()),
                "FILAMENT_UPSTREAM_PORT_2", String.valueOf(server.port())), work, directPort, cdnPort);
    }

    @AfterAll
    static void stop() {
        if (caddy != null) {
            caddy.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void apiHealthThroughCaddyReachesHealthWithThePrefixStrippedAndEdgeHeadersSet() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<String> r = send(LOCAL, get(directPort, "/api/health").header("X-Request-Id", "strip-1"));

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(serverAccess(logs, "strip-1")).singleElement()
                    .satisfies(e -> assertThat(LogCapture.field(e, "route")).contains("/health"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(r.headers().firstValue("Strict-Transport-Security"))
                    .contains("max-age=31536000; includeSubDomains");
            assertThat(r.headers().firstValue("Server")).isEmpty();
        }
    }

    @Test
    void operatorRoutesAndTheirSpellingVariantsAre404FromCaddyWithoutReachingTheServer() throws Exception {
        List<String> paths = List.of("/metrics", "/api/metrics", "/health/ready", "/api/health/ready",
                "/api/metrics/", "/api/METRICS", "/api//metrics", "/api/%6Detrics", "/api/health/ready/");
        try (LogCapture logs = new LogCapture()) {
            for (int i = 0; i < paths.size(); i++) {
                String id = "internal-" + i;
                HttpResponse<String> r = send(LOCAL, get(directPort, paths.get(i)).header("X-Request-Id", id));

                assertThat(r.statusCode()).as(paths.get(i)).isEqualTo(404);
                assertThat(r.body()).as(paths.get(i))
                        .isEqualTo("{\"error\":\"not_found\",\"request_id\":\"" + id + "\"}");
                assertThat(serverAccess(logs, id)).as(paths.get(i)).isEmpty();
            }
        }
    }

    @Test
    void directSite_forgedForwardingHeadersCannotChooseTheRateLimitKey() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            for (int i = 1; i <= BUCKET; i++) {
                assertThat(send(LOCAL, forged(echo(directPort), i)).statusCode()).as("request %d", i).isEqualTo(200);
            }
            HttpResponse<String> limited = send(LOCAL, forged(echo(directPort), BUCKET + 1));

            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("RateLimit-Policy")).contains("\"baseline\";q=5;w=60");
            assertRejectedAs(logs, "127.0.0.1");
        }
    }

    @Test
    void cdnSite_eachCloudflareClientGetsItsOwnBaselineBucket() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            for (int i = 1; i <= BUCKET; i++) {
                HttpRequest.Builder a = forged(echo(cdnPort), i).setHeader("CF-Connecting-IP", "198.51.100.7");
                assertThat(send(LOCAL, a).statusCode()).as("client A request %d", i).isEqualTo(200);
            }
            HttpRequest.Builder aAgain = echo(cdnPort).header("CF-Connecting-IP", "198.51.100.7");
            HttpRequest.Builder b = echo(cdnPort).header("CF-Connecting-IP", "198.51.100.8");

            assertThat(send(LOCAL, aAgain).statusCode()).isEqualTo(429);
            assertThat(send(LOCAL, b).statusCode()).isEqualTo(200);
            assertRejectedAs(logs, "198.51.100.7");
        }
    }

    @Test
    void cdnSite_ignoresCfConnectingIpFromAPeerOutsideTheCloudflareRanges() throws Exception {
        HttpClient outsider = client(InetAddress.getByName("127.0.0.2"));
        try (LogCapture logs = new LogCapture()) {
            for (int i = 1; i <= BUCKET; i++) {
                assertThat(send(outsider, forged(echo(cdnPort), i)).statusCode()).as("request %d", i).isEqualTo(200);
            }

            assertThat(send(outsider, forged(echo(cdnPort), BUCKET + 1)).statusCode()).isEqualTo(429);
            assertRejectedAs(logs, "127.0.0.2");
        }
    }

    @Test
    void cdnSite_twoClientsWithDifferentCfConnectingIpGetIndependentAuthBuckets() throws Exception {
        for (int i = 1; i <= AUTH_BUCKET; i++) {
            HttpResponse<String> r = send(LOCAL, login(cdnPort).header("CF-Connecting-IP", "198.51.100.31"));
            assertThat(r.statusCode()).as("client A login %d", i).isEqualTo(401);
        }
        HttpResponse<String> limited = send(LOCAL, login(cdnPort).header("CF-Connecting-IP", "198.51.100.31"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("RateLimit-Policy")).contains("\"auth_login\";q=3;w=60");
        assertThat(send(LOCAL, login(cdnPort).header("CF-Connecting-IP", "198.51.100.32")).statusCode())
                .as("client B's first login").isEqualTo(401);
    }

    @Test
    void directSite_forgedHeadersCannotEscapeTheAuthLimit() throws Exception {
        HttpClient client = client(InetAddress.getByName("127.0.0.3"));
        for (int i = 1; i <= AUTH_BUCKET; i++) {
            assertThat(send(client, forged(login(directPort), i)).statusCode()).as("login %d", i).isEqualTo(401);
        }
        HttpResponse<String> limited = send(client, forged(login(directPort), AUTH_BUCKET + 1));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("RateLimit-Policy")).contains("\"auth_login\";q=3;w=60");
    }

    private static HttpRequest.Builder login(int port) {
        return request(port, "/api/auth/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"nobody_here\",\"password\":\"correct horse battery\"}"));
    }

    @Test
    void aWellFormedClientRequestIdIsInCaddysAndTheServersLogs() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            String id = "trace.caddy:e2e-1_A";
            HttpResponse<String> r = send(LOCAL, get(directPort, "/api/health").header("X-Request-Id", id));

            assertThat(r.headers().firstValue("X-Request-Id")).contains(id);
            assertThat(serverAccess(logs, id)).hasSize(1);
            JsonNode entry = caddy.awaitAccessLog(e -> respondedWith(e, id));
            assertThat(CaddyProcess.headerValues(entry.path("request").path("headers"), "X-Request-Id"))
                    .containsExactly(id);
        }
    }

    @Test
    void anInvalidOrMissingRequestIdIsReplacedByCaddysUuidSeenByTheServer() throws Exception {
        for (String offered : new String[] {"not/valid", "x".repeat(129), null}) {
            try (LogCapture logs = new LogCapture()) {
                HttpRequest.Builder request = get(directPort, "/api/health");
                if (offered != null) {
                    request.header("X-Request-Id", offered);
                }
                String id = send(LOCAL, request).headers().firstValue("X-Request-Id").orElseThrow();

                assertThat(id).matches(UUID);
                assertThat(serverAccess(logs, id)).as("server log for %s", offered).hasSize(1);
                JsonNode entry = caddy.awaitAccessLog(e -> respondedWith(e, id));
                List<String> logged = CaddyProcess.headerValues(entry.path("request").path("headers"), "X-Request-Id");
                assertThat(logged).isEqualTo(offered == null ? List.of() : List.of(offered));
            }
        }
    }

    @Test
    void caddysAccessLogRedactsCredentialsAndTheAccessTokenQuery() throws Exception {
        String id = "redact-1";
        send(LOCAL, get(directPort, "/api/health?access_token=query-secret-1").header("X-Request-Id", id)
                .header("Authorization", "Bearer header-secret-2").header("Cookie", "session=cookie-secret-3"));

        JsonNode entry = caddy.awaitAccessLog(e -> respondedWith(e, id));
        assertThat(entry.path("request").path("uri").asText()).isEqualTo("/api/health?access_token=REDACTED");
        assertThat(entry.toString()).doesNotContain("query-secret-1", "header-secret-2", "cookie-secret-3");
    }

    @Test
    void aBodyOverTheServerLimitIsRefusedByTheServerAsJson() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            // Expect: 100-continue, as large uploads do: the server answers 413 from Content-Length without asking
            // for the body, so neither the proxy nor the client pushes it into a connection being closed
            HttpRequest.Builder big = request(cdnPort, "/api/echo").expectContinue(true)
                    .header("X-Request-Id", "big-1")
                    .header("CF-Connecting-IP", "198.51.100.50").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024]));
            HttpResponse<String> r = send(LOCAL, big);

            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).isEqualTo("{\"error\":\"payload_too_large\",\"request_id\":\"big-1\"}");
            assertThat(serverAccess(logs, "big-1")).hasSize(1);
        }
    }

    @Test
    void anUnreachableServerIsA503InTheServersErrorShape(@TempDir Path ownWork) throws Exception {
        int[] ports = CaddyProcess.freeLoopbackPorts(3);
        int port = ports[0];
        try (CaddyProcess orphan = CaddyProcess.start(CaddyProcess.infraFile("Caddyfile.loopback"), Map.of(
                "FILAMENT_CADDY_DIRECT_PORT", String.valueOf(port),
                "FILAMENT_CADDY_CDN_PORT", String.valueOf(ports[1]),
                "FILAMENT_UPSTREAM_PORT", String.valueOf(ports[2]),
                "FILAMENT_UPSTREAM_PORT_2", String.valueOf(ports[2])), ownWork, port)) {
            HttpResponse<String> r = send(LOCAL, get(port, "/api/health").header("X-Request-Id", "down-1"));

            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).isEqualTo("{\"error\":\"unavailable\",\"request_id\":\"down-1\"}");
            assertThat(r.headers().firstValue("Retry-After")).contains("1");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.headers().firstValue("Server")).isEmpty();
        }
    }

    private static HttpRequest.Builder forged(HttpRequest.Builder request, int i) {
        return request.header("X-Forwarded-For", "203.0.113." + i).header("CF-Connecting-IP", "192.0.2." + i)
                .header("X-Real-IP", "198.18.0." + i).header("Forwarded", "for=198.19.0." + i);
    }

    private static void assertRejectedAs(LogCapture logs, String clientIp) {
        assertThat(logs.withEvent("rate_limit.rejected")).singleElement().satisfies(e -> {
            assertThat(LogCapture.field(e, "limiter")).contains("baseline");
            assertThat(LogCapture.field(e, "client_ip")).contains(clientIp);
            assertThat(LogCapture.field(e, "client_ip_source")).contains("forwarded");
        });
    }

    private static List<ILoggingEvent> serverAccess(LogCapture logs, String requestId) {
        return logs.withEvent("http.access").stream()
                .filter(e -> requestId.equals(e.getMDCPropertyMap().get("request_id"))).toList();
    }

    private static boolean respondedWith(JsonNode entry, String requestId) {
        return CaddyProcess.headerValues(entry.path("resp_headers"), "X-Request-Id").contains(requestId);
    }

    private static HttpRequest.Builder echo(int port) {
        return request(port, "/api/echo").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\"}"));
    }

    private static HttpRequest.Builder get(int port, String path) {
        return request(port, path).GET();
    }

    private static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient client(InetAddress localAddress) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        return (localAddress == null ? builder : builder.localAddress(localAddress)).build();
    }
}
