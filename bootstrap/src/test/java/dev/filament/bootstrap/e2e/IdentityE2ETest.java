package dev.filament.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Identity through the real wiring: jOOQ repositories, Argon2id, JWT, PostgreSQL locks and bounds. */
@ExtendWith(PostgresExtension.class)
class IdentityE2ETest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String name() {
        return "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static String creds(String name) {
        return "{\"username\":\"" + name + "\",\"password\":\"correct horse battery\"}";
    }

    static JsonNode login(RunningServer s, String name) throws Exception {
        HttpResponse<String> r = s.postJson("/auth/login", creds(name));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static int me(RunningServer s, String access) throws Exception {
        return s.send(s.request("/auth/me").header("Authorization", "Bearer " + access)).statusCode();
    }

    @Test
    void fullAccountLifecycleOnPostgres(TestDatabase db) throws Exception {
        try (RunningServer s = RunningServer.start(db, Map.of())) {
            String n = name();
            assertThat(s.postJson("/auth/register", creds(n)).statusCode()).isEqualTo(200);
            JsonNode tokens = login(s, n.toUpperCase());
            assertThat(me(s, tokens.get("access_token").asText())).isEqualTo(200);
            HttpResponse<String> refreshed = s.postJson("/auth/refresh",
                    "{\"refresh_token\":\"" + tokens.get("refresh_token").asText() + "\"}");
            assertThat(refreshed.statusCode()).isEqualTo(200);
            String newRefresh = JSON.readTree(refreshed.body()).get("refresh_token").asText();
            assertThat(s.postJson("/auth/logout", "{\"refresh_token\":\"" + newRefresh + "\"}").statusCode())
                    .isEqualTo(204);
            assertThat(me(s, tokens.get("access_token").asText())).as("logout cuts access tokens").isEqualTo(401);
        }
    }

    /** #12 item 15: refreshes within one second each return a different access token (unique jti). */
    @Test
    void refreshesInTheSameSecondReturnDistinctAccessTokens(TestDatabase db) throws Exception {
        try (RunningServer s = RunningServer.start(db, Map.of())) {
            String n = name();
            s.postJson("/auth/register", creds(n));
            JsonNode tokens = login(s, n);
            java.util.Set<String> access = new java.util.HashSet<>(List.of(tokens.get("access_token").asText()));
            String refresh = tokens.get("refresh_token").asText();
            for (int i = 0; i < 3; i++) {
                JsonNode next = JSON.readTree(s.postJson("/auth/refresh", "{\"refresh_token\":\"" + refresh + "\"}")
                        .body());
                assertThat(access.add(next.get("access_token").asText())).as("refresh %d repeats a token", i).isTrue();
                refresh = next.get("refresh_token").asText();
            }
        }
    }

    /** #12 item 7: 5 wrong passwords from network A lock A only; B logs in; A stays locked. */
    @Test
    void aLockoutHoldsOnlyForTheClientNetworkThatFailed(TestDatabase db) throws Exception {
        try (RunningServer s = RunningServer.start(db, Map.of("FILAMENT_TRUSTED_PROXY_CIDRS", "127.0.0.1/32,::1/128",
                "FILAMENT_AUTH_ROUTE_REQUESTS_PER_MINUTE", "1000"))) {
            String n = name();
            s.postJson("/auth/register", creds(n));
            String wrong = "{\"username\":\"" + n + "\",\"password\":\"not the password!\"}";
            for (int i = 0; i < 5; i++) {
                assertThat(loginFrom(s, "198.51.100.7", wrong).statusCode()).isEqualTo(401);
            }
            assertThat(loginFrom(s, "198.51.100.7", creds(n)).statusCode()).as("network A is locked").isEqualTo(401);
            assertThat(loginFrom(s, "203.0.113.9", creds(n)).statusCode()).as("network B logs in").isEqualTo(200);
            assertThat(loginFrom(s, "198.51.100.7", creds(n)).statusCode()).as("A stays locked").isEqualTo(401);
        }
    }

    private static HttpResponse<String> loginFrom(RunningServer s, String ip, String body) throws Exception {
        return s.send(s.request("/auth/login").header("Content-Type", "application/json")
                .header("X-Forwarded-For", ip).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void twoParallelRefreshesWithOneTokenExactlyOneWinsAndTheSessionDies(TestDatabase db) throws Exception {
        try (RunningServer s = RunningServer.start(db, Map.of())) {
            String n = name();
            s.postJson("/auth/register", creds(n));
            JsonNode tokens = login(s, n);
            String body = "{\"refresh_token\":\"" + tokens.get("refresh_token").asText() + "\"}";
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> calls = List.of(1, 2).stream()
                    .map(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            go.await();
                            return s.postJson("/auth/refresh", body);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })).toList();
            go.countDown();
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(HttpResponse::statusCode)
                    .sorted().toList();
            assertThat(statuses).containsExactly(200, 401);
            String winner = calls.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200)
                    .findFirst().orElseThrow().body();
            assertThat(me(s, JSON.readTree(winner).get("access_token").asText()))
                    .as("the replay revoked the session").isEqualTo(401);
        }
    }

    @Test
    void storedTokenKeyKeepsTokensValidAcrossARestart(TestDatabase db) throws Exception {
        String access;
        String n = name();
        try (RunningServer first = RunningServer.start(db, Map.of())) {
            first.postJson("/auth/register", creds(n));
            access = login(first, n).get("access_token").asText();
        }
        try (RunningServer second = RunningServer.start(db, Map.of())) {
            assertThat(me(second, access)).isEqualTo(200);
        }
    }

    @Test
    void aHeldTableLockGivesAFast503NotA408(TestDatabase db) throws Exception {
        try (RunningServer s = RunningServer.start(db, Map.of("FILAMENT_DB_LOCK_TIMEOUT_MS", "500"));
             LogCapture logs = new LogCapture();
             Connection locker = db.dataSource().getConnection()) {
            locker.setAutoCommit(false);
            try (Statement st = locker.createStatement()) {
                st.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
            }
            long start = System.nanoTime();
            HttpResponse<String> r = s.postJson("/auth/register", creds(name()));
            long ms = (System.nanoTime() - start) / 1_000_000;
            locker.rollback();

            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("\"error\":\"unavailable\"");
            assertThat(r.headers().firstValue("Retry-After")).contains("1");
            assertThat(ms).as("answered near the 500 ms lock bound, far below the 10 s budget").isLessThan(3_000);
            List<ILoggingEvent> unavailable = logs.withEvent("db.unavailable");
            assertThat(unavailable).hasSize(1);
            assertThat(LogCapture.field(unavailable.get(0), "kind")).contains("lock_timeout");
            assertThat(LogCapture.field(unavailable.get(0), "route")).contains("/auth/register");
            assertThat(s.postJson("/auth/register", creds(name())).statusCode()).as("recovers at once").isEqualTo(200);
        }
    }
}
