package dev.filament.http.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.id.UserId;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC 9.1 over real HTTP: what the upgrade request of {@code /gateway/ws} answers before and at the upgrade. */
class GatewayUpgradeTest {
    private static final String ALLOWED = "https://app.example.com";
    private static GatewayTestServer server;

    @BeforeAll
    static void start() {
        server = new GatewayTestServer(600, s -> new GatewaySettings(s.maxMessageBytes(), s.ingressEvents(),
                s.ingressWindow(), s.pingInterval(), s.pongTimeout(), s.sessionRecheck(), s.commandTimeout(),
                s.writeTimeout(), Set.of(ALLOWED)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String token() {
        return server.identity.tokenFor(new UserId(TestIds.ulid()), Duration.ofMinutes(15));
    }

    private static RawUpgrade.Response upgrade(String target, Map<String, String> extra) throws Exception {
        Map<String, String> headers = RawUpgrade.upgradeHeaders();
        headers.putAll(extra);
        return RawUpgrade.send(server.port(), "GET", target, headers);
    }

    private static void assertJsonError(RawUpgrade.Response r, int status, String code) {
        assertThat(r.status()).isEqualTo(status);
        String id = r.header("X-Request-Id");
        assertThat(id).isNotBlank();
        assertThat(r.body()).isEqualTo("{\"error\":\"" + code + "\",\"request_id\":\"" + id + "\"}");
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.header("Upgrade")).isNull();
    }

    @Test
    void givenNoToken_upgrade_isRefused401WithJsonBeforeTheUpgrade() throws Exception {
        RawUpgrade.Response r = upgrade(GatewayRoutes.PATH, Map.of());

        assertJsonError(r, 401, "invalid_credentials");
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(server.gateway.connected()).isEmpty();
    }

    @Test
    void givenAnUnknownToken_upgrade_isRefused401() throws Exception {
        assertJsonError(upgrade(GatewayRoutes.PATH, Map.of("Authorization", "Bearer nope")), 401,
                "invalid_credentials");
    }

    @Test
    void givenARevokedSession_upgrade_isRefused401() throws Exception {
        String token = token();
        server.identity.revoke(token);

        assertJsonError(upgrade(GatewayRoutes.PATH, Map.of("Authorization", "Bearer " + token)), 401,
                "invalid_credentials");
    }

    @Test
    void givenAValidBearer_upgrade_verifiesTheTokenOnceAndLooksUpTheSessionOnce() throws Exception {
        String token = token();
        int lookups = server.identity.sessionLookups.get();

        RawUpgrade.Response r = upgrade(GatewayRoutes.PATH, Map.of("Authorization", "Bearer " + token));

        assertThat(r.status()).isEqualTo(101);
        assertThat(server.identity.verificationsOf(token)).isEqualTo(1);
        assertThat(server.identity.sessionLookups.get() - lookups).isEqualTo(1);
    }

    @Test
    void givenTheEdgeVerifiedTheBearerForTheBaselineKey_upgrade_doesNotVerifyItAgain() throws Exception {
        try (GatewayTestServer keyed = new GatewayTestServer(600, s -> s, true)) {
            String header = keyed.identity.tokenFor(new UserId(TestIds.ulid()), Duration.ofMinutes(15));
            String query = keyed.identity.tokenFor(new UserId(TestIds.ulid()), Duration.ofMinutes(15));
            Map<String, String> headers = RawUpgrade.upgradeHeaders();
            headers.put("Authorization", "Bearer " + header);

            assertThat(RawUpgrade.send(keyed.port(), "GET", GatewayRoutes.PATH, headers).status()).isEqualTo(101);
            assertThat(RawUpgrade.send(keyed.port(), "GET", GatewayRoutes.PATH + "?access_token=" + query,
                    RawUpgrade.upgradeHeaders()).status()).isEqualTo(101);
            String expired = keyed.identity.tokenFor(new UserId(TestIds.ulid()), Duration.ofMillis(-1));
            headers.put("Authorization", "Bearer " + expired);
            assertThat(RawUpgrade.send(keyed.port(), "GET", GatewayRoutes.PATH, headers).status()).isEqualTo(401);

            assertThat(keyed.identity.verificationsOf(header)).isEqualTo(1);
            assertThat(keyed.identity.verificationsOf(query)).isEqualTo(1);
        }
    }

    @Test
    void givenAValidBearer_upgrade_switchesProtocolsWithTheRequestId() throws Exception {
        RawUpgrade.Response r = upgrade(GatewayRoutes.PATH,
                Map.of("Authorization", "Bearer " + token(), "X-Request-Id", "req-123"));

        assertThat(r.status()).isEqualTo(101);
        assertThat(r.header("X-Request-Id")).isEqualTo("req-123");
        assertThat(r.header("Set-Cookie")).isNull();
    }

    @Test
    void theAccessTokenQueryParameter_authenticatesWhenNoHeaderIsSent() throws Exception {
        try (GatewayClient client = GatewayClient.connect(server.url("?access_token=" + token()), null)) {
            assertThat(client.ready().path("s").asInt()).isEqualTo(1);
        }
    }

    @Test
    void anyOtherQueryParameter_isRefused400() throws Exception {
        assertJsonError(upgrade(GatewayRoutes.PATH + "?access_token=" + token() + "&x=1", Map.of()), 400,
                "invalid_request");
        assertJsonError(upgrade(GatewayRoutes.PATH + "?x=1", Map.of("Authorization", "Bearer " + token())), 400,
                "invalid_request");
    }

    @Test
    void aRepeatedAccessToken_isRefused400() throws Exception {
        String token = token();
        assertJsonError(upgrade(GatewayRoutes.PATH + "?access_token=" + token + "&access_token=" + token, Map.of()),
                400, "invalid_request");
    }

    @Test
    void anOriginOutsideTheAllowlist_isRefused403_whileAllowedOrAbsentOriginsUpgrade() throws Exception {
        String bearer = "Bearer " + token();

        assertJsonError(upgrade(GatewayRoutes.PATH, Map.of("Authorization", bearer, "Origin", "https://evil.example")),
                403, "forbidden");
        assertThat(upgrade(GatewayRoutes.PATH, Map.of("Authorization", bearer, "Origin", ALLOWED)).status())
                .isEqualTo(101);
        assertThat(upgrade(GatewayRoutes.PATH, Map.of("Authorization", bearer)).status()).isEqualTo(101);
    }

    @Test
    void aPlainGetWithoutUpgrade_isRefused400() throws Exception {
        RawUpgrade.Response r = RawUpgrade.send(server.port(), "GET", GatewayRoutes.PATH,
                Map.of("Authorization", "Bearer " + token(), "Connection", "close"));

        assertJsonError(r, 400, "invalid_request");
    }

    @Test
    void anIncompleteUpgradeRequest_isRefused400() throws Exception {
        Map<String, String> headers = RawUpgrade.upgradeHeaders();
        headers.remove("Upgrade");
        headers.put("Authorization", "Bearer " + token());

        assertJsonError(RawUpgrade.send(server.port(), "GET", GatewayRoutes.PATH, headers), 400, "invalid_request");
    }

    @Test
    void aRefusedUpgrade_doesNotLeaveAServletSessionCookie() throws Exception {
        assertThat(upgrade(GatewayRoutes.PATH, Map.of()).header("Set-Cookie")).isNull();
    }

    @Test
    void theBaselineLimit_countsUpgradeRequests() throws Exception {
        try (GatewayTestServer limited = new GatewayTestServer(2, s -> s)) {
            String bearer = "Bearer " + limited.identity.tokenFor(new UserId(TestIds.ulid()), Duration.ofMinutes(5));
            Map<String, String> headers = RawUpgrade.upgradeHeaders();
            headers.put("Authorization", bearer);

            assertThat(RawUpgrade.send(limited.port(), "GET", GatewayRoutes.PATH, headers).status()).isEqualTo(101);
            assertThat(RawUpgrade.send(limited.port(), "GET", GatewayRoutes.PATH, headers).status()).isEqualTo(101);
            RawUpgrade.Response third = RawUpgrade.send(limited.port(), "GET", GatewayRoutes.PATH, headers);

            assertThat(third.status()).isEqualTo(429);
            assertThat(third.body()).contains("\"error\":\"rate_limited\"");
            assertThat(third.header("RateLimit-Policy")).isEqualTo("\"baseline\";q=2;w=60");
            assertThat(limited.counter("filament.rate_limit.hits", "limiter", "baseline")).isEqualTo(1);
            assertThat(limited.identity.sessionLookups).hasValue(2);
        }
    }

    @Test
    void resumeParameters_mustComeAsAValidPair_elseTheUpgradeIsRefused400() throws Exception {
        String key = "A".repeat(43);
        for (String query : new String[] {"&resume_key=" + key, "&resume_seq=3", "&resume_key=short&resume_seq=3",
                "&resume_key=" + "A".repeat(42) + "%21&resume_seq=3", "&resume_key=" + key + "&resume_seq=-1",
                "&resume_key=" + key + "&resume_seq=9007199254740992", "&resume_key=" + key + "&resume_seq=1.5",
                "&resume_key=" + key + "&resume_seq=3&resume_seq=3"}) {
            RawUpgrade.Response r = upgrade(GatewayRoutes.PATH + "?access_token=" + token() + query, Map.of());
            assertThat(r.status()).as(query).isEqualTo(400);
            assertJsonError(r, 400, "invalid_request");
        }
    }

    @Test
    void aValidResumePair_upgrades_andTheCoreAnswersTheResumeFirst() throws Exception {
        String url = server.url("?access_token=" + token() + "&resume_key=" + "A".repeat(43)
                + "&resume_seq=9007199254740991");
        try (GatewayClient client = GatewayClient.connect(url, null)) {
            var first = client.next();
            assertThat(first.path("t").asText()).isEqualTo("invalid_session");
            assertThat(first.path("s").asLong()).isEqualTo(1);
            assertThat(client.ready().path("s").asLong()).isEqualTo(2);
        }
    }
}
