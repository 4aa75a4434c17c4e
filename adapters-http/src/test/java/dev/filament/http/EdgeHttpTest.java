package dev.filament.http;

import dev.filament.http.testing.HttpFixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.port.out.ReadinessCheck;
import dev.filament.application.shared.port.out.ReadinessCheck.DatabaseDetails;
import dev.filament.domain.error.UnavailableException;
import dev.filament.domain.net.ClientIp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The edge of SPEC 1-3 over real HTTP: error model, headers, request id, routing, JSON strictness, body limit. */
class EdgeHttpTest {
    private static final AtomicBoolean interrupted = new AtomicBoolean();
    private static final CountDownLatch finished = new CountDownLatch(1);
    private static HttpFixture server;

    @BeforeAll
    static void start() {
        // a 2 s budget: far above what any other request here takes on a loaded machine, far below the 5 s handler
        server = HttpFixture.builder().budget(Duration.ofSeconds(2)).maxBody(1024)
                .routes(r -> r.get("/boom", ctx -> {
                    throw new IllegalStateException("secret detail");
                }))
                .routes(r -> r.get("/db-down", ctx -> {
                    throw UnavailableException.dependency("lock_timeout");
                }))
                .routes(r -> r.get("/whoami", ctx -> {
                    ClientIp ip = RequestAttributes.clientIp(ctx);
                    ctx.json(Map.of("ip", ip.address().toString(), "source", ip.source().wireName()));
                }))
                .routes(r -> r.get("/interruptible", ctx -> {
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                        throw e;
                    } finally {
                        finished.countDown();
                    }
                }))
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void unknownRouteIsJson404WithRequestIdAndNoStore() throws Exception {
        HttpResponse<String> r = server.get("/nope");
        assertThat(r.statusCode()).isEqualTo(404);
        String id = r.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(r.body()).isEqualTo("{\"error\":\"not_found\",\"request_id\":\"" + id + "\"}");
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void trailingSlashIsNotNormalised() throws Exception {
        assertThat(server.get("/health/").statusCode()).isEqualTo(404);
        assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongMethodOnKnownPathIs405WithAllow() throws Exception {
        HttpResponse<String> r = server.send(server.request("/echo").GET());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).contains("POST");
        assertThat(r.body()).contains("\"error\":\"method_not_allowed\"");
    }

    @Test
    void headAndOptionsAreNotRouted() throws Exception {
        assertThat(server.send(server.request("/health").method("OPTIONS", HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(405);
        assertThat(server.send(server.request("/health").method("HEAD", HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(405);
    }

    @Test
    void validClientRequestIdIsEchoedInvalidOneReplaced() throws Exception {
        HttpResponse<String> ok = server.send(server.request("/health").header("X-Request-Id", "abc.DEF:1-2_3"));
        assertThat(ok.headers().firstValue("X-Request-Id")).contains("abc.DEF:1-2_3");
        HttpResponse<String> bad = server.send(server.request("/nope").header("X-Request-Id", "has space"));
        String generated = bad.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(generated).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(bad.body()).contains(generated);
    }

    @Test
    void echoFollowsJsonStrictnessRules() throws Exception {
        assertThat(server.postJson("/echo", "{\"message\":\"hi\"}").body()).isEqualTo("{\"message\":\"hi\"}");
        assertThat(server.postJson("/echo", "{}").statusCode()).isEqualTo(422);
        assertThat(server.postJson("/echo", "{\"message\":1}").statusCode()).isEqualTo(422);
        assertThat(server.postJson("/echo", "{\"message\":null}").statusCode()).isEqualTo(422);
        assertThat(server.postJson("/echo", "{\"message\":\"a\",\"x\":1}").statusCode()).isEqualTo(422);
        assertThat(server.postJson("/echo", "[1]").statusCode()).isEqualTo(422);
        assertThat(server.postJson("/echo", "{\"message\":\"\"}").statusCode()).isEqualTo(400);
        assertThat(server.postJson("/echo", "{\"message\":\"a\\u0000\"}").statusCode()).isEqualTo(400);
        assertThat(server.postJson("/echo", "{\"message\":\"a\\ud800\"}").statusCode()).isEqualTo(400);
        assertThat(server.postJson("/echo", "{\"message\":\"\\udc00b\"}").statusCode()).isEqualTo(400);
        assertThat(server.postJson("/echo", "{\"message\":\"\\ude00\\ud83d\"}").statusCode()).isEqualTo(400);
        assertThat(server.postJson("/echo", "{\"me\\ud800ssage\":\"a\"}").statusCode()).isEqualTo(400);
        assertThat(server.postJson("/echo", "{\"message\":\"\\ud83d\\ude00\"}").body())
                .as("a surrogate pair is one code point").isEqualTo("{\"message\":\"\ud83d\ude00\"}");
        assertThat(server.postJson("/echo", "{\"message\":").statusCode()).isEqualTo(400);
        assertThat(server.postJson("/echo", "{\"message\":\"a\",\"message\":\"b\"}").statusCode()).isEqualTo(400);
        assertThat(server.postJson("/echo", "{\"message\":\"a\"} {}").statusCode()).isEqualTo(400);
        HttpResponse<String> noType = server.send(server.request("/echo")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\"}")));
        assertThat(noType.statusCode()).isEqualTo(415);
        assertThat(noType.body()).contains("unsupported_media_type");
        HttpResponse<String> withCharset = server.send(server.request("/echo")
                .header("Content-Type", "Application/JSON; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\"}")));
        assertThat(withCharset.statusCode()).isEqualTo(200);
    }

    @Test
    void declaredOversizeBodyIsRefusedBeforeAnyByteIsSent() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 5000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("HTTP/1.1 413");
            String line;
            StringBuilder rest = new StringBuilder();
            while ((line = in.readLine()) != null && !line.contains("request_id")) {
                rest.append(line).append('\n');
            }
            assertThat(line).contains("\"error\":\"payload_too_large\"");
        }
    }

    @Test
    void chunkedBodyPastTheLimitIs413() throws Exception {
        byte[] big = ("{\"message\":\"" + "x".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = server.send(server.request("/echo").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("payload_too_large");
    }

    @Test
    void budgetExpiryAnswers408AndInterruptsTheHandler() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = server.get("/interruptible");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.statusCode()).isEqualTo(408);
        assertThat(r.body()).contains("\"error\":\"request_timeout\"");
        assertThat(ms).as("cut at the 2 s budget, not the 5 s sleep").isLessThan(4_500);
        assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).isTrue();
    }

    @Test
    void unexpectedFailureIs500WithoutDetails() throws Exception {
        HttpResponse<String> r = server.get("/boom");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("\"error\":\"internal_error\"").doesNotContain("secret");
    }

    @Test
    void dependencyUnavailableIs503WithRetryAfter() throws Exception {
        HttpResponse<String> r = server.get("/db-down");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).contains("1");
        assertThat(r.body()).contains("\"error\":\"unavailable\"");
    }

    @Test
    void slowRouteValidatesItsQuery() throws Exception {
        assertThat(server.get("/slow?ms=0").statusCode()).isEqualTo(200);
        assertThat(server.get("/slow?ms=abc").statusCode()).isEqualTo(400);
        assertThat(server.get("/slow?ms=60001").statusCode()).isEqualTo(400);
        assertThat(server.get("/slow?ms=1&ms=2").statusCode()).isEqualTo(400);
        assertThat(server.get("/slow?other=1").statusCode()).isEqualTo(400);
        assertThat(server.get("/slow?ms=%30").statusCode()).as("valid percent-encoding").isEqualTo(200);
        for (String bad : new String[] {"%ff", "0%e2%82", "%c0%b0", "0%00", "%ed%a0%80"}) {
            HttpResponse<String> r = server.get("/slow?ms=" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.body()).as(bad).contains("\"invalid_request\"");
        }
        assertThat(server.get("/slow?ms=3000").statusCode()).isEqualTo(408);
    }

    @Test
    void untrustedPeerCannotChooseItsAddressWithHeaders() throws Exception {
        HttpResponse<String> r = server.send(server.request("/whoami")
                .header("X-Forwarded-For", "198.51.100.7").header("CF-Connecting-IP", "203.0.113.9"));
        assertThat(r.body()).contains("\"ip\":\"127.0.0.1\"").contains("\"source\":\"peer\"");
    }

    @Test
    void readinessIsReadyWithoutChecks() throws Exception {
        HttpResponse<String> r = server.get("/health/ready");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"ready\"");
    }

    @Test
    void metricsExposePrometheusTextWithRequestHistogram() throws Exception {
        server.get("/health");
        HttpResponse<String> r = server.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(r.body()).contains("http_server_requests_seconds_bucket{").contains("route=\"/health\"");
    }

    static ReadinessCheck hanging() {
        return new ReadinessCheck() {
            @Override public String name() { return "database"; }
            @Override public Result check() {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Result(true, DatabaseDetails.of(0, false));
            }
        };
    }
}
