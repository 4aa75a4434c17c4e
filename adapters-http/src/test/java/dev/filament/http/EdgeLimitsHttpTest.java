package dev.filament.http;

import dev.filament.http.testing.HttpFixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.port.out.ReadinessCheck;
import dev.filament.domain.net.ClientIp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Baseline limit, metrics token, readiness and trusted-proxy resolution over real HTTP. */
class EdgeLimitsHttpTest {

    @Test
    void baselineLimitRejectsPastTheBucketWithRateLimitHeaders() throws Exception {
        try (HttpFixture server = HttpFixture.builder().perMinute(3).start()) {
            for (int i = 0; i < 3; i++) {
                assertThat(server.postJson("/echo", "{\"message\":\"x\"}").statusCode()).isEqualTo(200);
            }
            HttpResponse<String> limited = server.postJson("/echo", "{\"message\":\"x\"}");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.body()).contains("\"error\":\"rate_limited\"");
            long retry = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retry).isBetween(1L, 20L);
            assertThat(limited.headers().firstValue("RateLimit-Policy")).contains("\"baseline\";q=3;w=60");
            assertThat(limited.headers().firstValue("RateLimit")).contains("\"baseline\";r=0;t=" + retry);
            assertThat(server.get("/health").statusCode()).as("health is exempt").isEqualTo(200);
            assertThat(server.get("/metrics").body()).contains("filament_rate_limit_hits_total{limiter=\"baseline\"}");
        }
    }

    @Test
    void baselineBucketsAreKeyedByVerifiedUserWhenPresent() throws Exception {
        try (HttpFixture server = HttpFixture.builder().perMinute(1)
                .baselineKey(ctx -> Optional.ofNullable(ctx.header("X-Test-User"))).start()) {
            assertThat(server.send(server.request("/nope").header("X-Test-User", "A")).statusCode()).isEqualTo(404);
            assertThat(server.send(server.request("/nope").header("X-Test-User", "A")).statusCode()).isEqualTo(429);
            assertThat(server.send(server.request("/nope").header("X-Test-User", "B")).statusCode()).isEqualTo(404);
            assertThat(server.get("/nope").statusCode()).as("ip bucket is separate").isEqualTo(404);
        }
    }

    @Test
    void baselineIpBucketsKeyIpv6ByTheSlash64() throws Exception {
        try (HttpFixture server = HttpFixture.builder().perMinute(3).trust("127.0.0.1/32").start()) {
            for (int i = 1; i <= 200; i++) {
                String address = "2001:db8:1:2:" + Integer.toHexString(i) + "::1";
                assertThat(server.send(server.request("/nope").header("CF-Connecting-IP", address)).statusCode())
                        .as("request %d", i).isEqualTo(i <= 3 ? 404 : 429);
            }
            assertThat(server.send(server.request("/nope").header("CF-Connecting-IP", "2001:db8:1:3::1"))
                    .statusCode()).as("another /64").isEqualTo(404);
            assertThat(server.send(server.request("/nope").header("CF-Connecting-IP", "198.51.100.1"))
                    .statusCode()).isEqualTo(404);
            assertThat(server.send(server.request("/nope").header("CF-Connecting-IP", "198.51.100.2"))
                    .statusCode()).as("IPv4 stays per address").isEqualTo(404);
        }
    }

    @Test
    void metricsTokenIsRequiredWhenConfigured() throws Exception {
        try (HttpFixture server = HttpFixture.builder().metricsToken("s3cret-token").start()) {
            HttpResponse<String> none = server.get("/metrics");
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(none.body()).contains("invalid_credentials");
            assertThat(server.send(server.request("/metrics").header("Authorization", "Bearer wrong")).statusCode())
                    .isEqualTo(401);
            assertThat(server.send(server.request("/metrics").header("Authorization", "bearer s3cret-token"))
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void readinessDegradesWithinItsBoundWhenACheckHangs() throws Exception {
        try (HttpFixture server = HttpFixture.builder().check(EdgeHttpTest.hanging()).start()) {
            long start = System.nanoTime();
            HttpResponse<String> r = server.get("/health/ready");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).isEqualTo(
                    "{\"status\":\"degraded\",\"checks\":{\"database\":{\"status\":\"degraded\",\"error\":\"timeout\"}}}");
            assertThat(ms).isLessThan(2_500);
        }
    }

    @Test
    void readinessBodiesAreStatusFirstThenEachChecksOwnFieldsInSpecOrder() throws Exception {
        try (HttpFixture server = HttpFixture.builder()
                .check(fixed("database", true, ReadinessCheck.DatabaseDetails.of(3, false)))
                .check(fixed("search_indexer", true, new ReadinessCheck.SearchIndexerDetails(2, 60, 5)))
                .check(fixed("gateway", true, new ReadinessCheck.GatewayDetails(1, 0, -1))).start()) {
            HttpResponse<String> r = server.get("/health/ready");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"status\":\"ready\",\"checks\":{"
                    + "\"database\":{\"status\":\"ok\",\"latency_ms\":3,\"circuit\":\"closed\"},"
                    + "\"search_indexer\":{\"status\":\"ok\",\"backlog\":2,\"oldest_age_seconds\":60,"
                    + "\"heartbeat_age_ms\":5},"
                    + "\"gateway\":{\"status\":\"ok\",\"connections\":1,\"dispatch_queue_depth\":0,"
                    + "\"heartbeat_age_ms\":-1}}}");
        }
    }

    @Test
    void readinessDegradesOnADegradedOrThrowingCheck() throws Exception {
        ReadinessCheck throwing = new ReadinessCheck() {
            @Override public String name() { return "gateway"; }
            @Override public Result check() { throw new IllegalStateException("boom"); }
        };
        try (HttpFixture server = HttpFixture.builder()
                .check(fixed("database", false, ReadinessCheck.DatabaseDetails.of(12, true)))
                .check(throwing).start()) {
            HttpResponse<String> r = server.get("/health/ready");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).isEqualTo("{\"status\":\"degraded\",\"checks\":{"
                    + "\"database\":{\"status\":\"degraded\",\"latency_ms\":12,\"circuit\":\"open\"},"
                    + "\"gateway\":{\"status\":\"degraded\",\"error\":\"failed\"}}}");
        }
    }

    private static ReadinessCheck fixed(String name, boolean ok, ReadinessCheck.Details details) {
        return new ReadinessCheck() {
            @Override public String name() { return name; }
            @Override public Result check() { return new Result(ok, details); }
        };
    }

    @Test
    void debugRoutesAreUnroutedByDefault() throws Exception {
        try (HttpFixture server = HttpFixture.builder().debugRoutes(false).start()) {
            assertThat(server.get("/slow").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void trustedPeerForwardsTheClientAddress() throws Exception {
        try (HttpFixture server = HttpFixture.builder().trust("127.0.0.1/32").budget(Duration.ofSeconds(5))
                .routes(r -> r.get("/whoami", ctx -> {
                    ClientIp ip = RequestAttributes.clientIp(ctx);
                    ctx.json(Map.of("ip", ip.address().toString(), "source", ip.source().wireName()));
                })).start()) {
            HttpResponse<String> cf = server.send(server.request("/whoami")
                    .header("CF-Connecting-IP", "198.51.100.9").header("X-Forwarded-For", "10.9.9.9"));
            assertThat(cf.body()).contains("\"ip\":\"198.51.100.9\"").contains("\"source\":\"forwarded\"");
            HttpResponse<String> xff = server.send(server.request("/whoami")
                    .header("X-Forwarded-For", "6.6.6.6, 198.51.100.23, 127.0.0.1"));
            assertThat(xff.body()).contains("\"ip\":\"198.51.100.23\"");
            HttpResponse<String> invalid = server.send(server.request("/whoami")
                    .header("X-Forwarded-For", "198.51.100.23:443"));
            assertThat(invalid.body()).contains("\"ip\":\"127.0.0.1\"").contains("\"source\":\"peer\"");
        }
    }
}
