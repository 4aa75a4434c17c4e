package dev.filament.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC 13: defaults, and every invalid value stops startup naming its variable. */
class ConfigLoaderTest {

    static ServerConfig load(Map<String, String> env) {
        return ConfigLoader.load(env, false);
    }

    @Test
    void defaultsMatchTheSpec() {
        ServerConfig c = load(Map.of());
        assertThat(c.bindAddr()).isEqualTo("0.0.0.0:3000");
        assertThat(c.databaseUrl()).isEmpty();
        assertThat(c.dataDir().toString()).isEqualTo("./data");
        assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.dbAcquireTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.dbStatementTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.dbLockTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.maxBodyBytes()).isEqualTo(1_048_576);
        assertThat(c.maxConnections()).isEqualTo(20_000);
        assertThat(c.rateLimitPerMinute()).isEqualTo(600);
        assertThat(c.authRoutePerMinute()).isEqualTo(60);
        assertThat(c.trustedProxies()).isEmpty();
        assertThat(c.liveKit()).isEmpty();
        assertThat(c.liveKitUrl()).isEqualTo("ws://127.0.0.1:7880");
        assertThat(c.logFormat()).isEqualTo(ServerConfig.LogFormat.JSON);
        assertThat(ConfigLoader.load(Map.of(), true).logFormat()).isEqualTo(ServerConfig.LogFormat.TEXT);
        assertThat(c.enableDebugRoutes()).isFalse();
    }

    @Test
    void blankMeansUnsetAndBooleansAcceptDigits() {
        ServerConfig c = load(Map.of("FILAMENT_REQUEST_TIMEOUT_MS", "   ", "FILAMENT_ENABLE_DEBUG_ROUTES", "1",
                "FILAMENT_DEBUG_REQUEST_TIMINGS", "TRUE", "FILAMENT_TRUSTED_PROXY_CIDRS", "  "));
        assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.enableDebugRoutes()).isTrue();
        assertThat(c.debugRequestTimings()).isTrue();
        assertThat(c.trustedProxies()).isEmpty();
    }

    @Test
    void parsesListsAndKeys() {
        ServerConfig c = load(Map.of(
                "FILAMENT_BIND_ADDR", "[::1]:8080",
                "FILAMENT_TRUSTED_PROXY_CIDRS", " 172.28.0.10/32 , 10.1.2.3/8,::ffff:192.0.2.1",
                "FILAMENT_TOKEN_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "FILAMENT_SERVER_OWNER_USER_ID", "01arz3ndektsv4rrffq69g5fav",
                "FILAMENT_GATEWAY_ALLOWED_ORIGINS", "https://chat.example.org,http://localhost:5173",
                "FILAMENT_LIVEKIT_API_KEY", "key", "FILAMENT_LIVEKIT_API_SECRET", "secret"));
        assertThat(c.bindHost()).isEqualTo("::1");
        assertThat(c.bindPort()).isEqualTo(8080);
        assertThat(c.trustedProxies()).extracting(Object::toString)
                .containsExactly("172.28.0.10/32", "10.0.0.0/8", "192.0.2.1/32");
        assertThat(c.tokenKey().orElseThrow()).hasSize(32);
        assertThat(c.serverOwnerUserId()).contains("01ARZ3NDEKTSV4RRFFQ69G5FAV");
        assertThat(c.gatewayAllowedOrigins()).hasSize(2);
        assertThat(c.liveKit().orElseThrow().toString()).doesNotContain("secret");
    }

    @Test
    void hcaptchaIsEnabledByBothKeysAndAcceptsALocalVerifyUrl() {
        assertThat(load(Map.of()).hcaptcha()).isEmpty();
        ServerConfig c = load(Map.of("FILAMENT_HCAPTCHA_SITE_KEY", "site", "FILAMENT_HCAPTCHA_SECRET", "0xsecret",
                "FILAMENT_HCAPTCHA_VERIFY_URL", "http://127.0.0.1:9999/siteverify"));
        assertThat(c.hcaptcha().orElseThrow().verifyUrl().toString()).isEqualTo("http://127.0.0.1:9999/siteverify");
        assertThat(c.hcaptcha().orElseThrow().toString()).doesNotContain("0xsecret");
        assertThat(load(Map.of("FILAMENT_HCAPTCHA_SITE_KEY", "s", "FILAMENT_HCAPTCHA_SECRET", "x")).hcaptcha()
                .orElseThrow().verifyUrl().toString()).isEqualTo("https://api.hcaptcha.com/siteverify");
        assertThatThrownBy(() -> load(Map.of("FILAMENT_HCAPTCHA_VERIFY_URL", "https://" + "a".repeat(505))))
                .isInstanceOf(ConfigException.class);
    }

    @org.junit.jupiter.api.Test
    void scaleOutIsOffByDefaultAndTheNodeIdDefaultsToACleanedHostName() {
        ServerConfig off = load(Map.of());
        assertThat(off.redisUrl()).isEmpty();
        assertThat(off.nodeId()).matches("[A-Za-z0-9_.-]{1,32}");
        ServerConfig on = load(Map.of("FILAMENT_DATABASE_URL", "postgres://u:p@db:5432/filament",
                "FILAMENT_REDIS_URL", "redis://:secret@redis:6379/3", "FILAMENT_NODE_ID", "node-1"));
        assertThat(on.redisUrl()).contains("redis://:secret@redis:6379/3");
        assertThat(on.nodeId()).isEqualTo("node-1");
        assertThat(on.toString()).doesNotContain("secret");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "FILAMENT_BIND_ADDR|3000|FILAMENT_BIND_ADDR",
        "FILAMENT_BIND_ADDR|0.0.0.0:99999|FILAMENT_BIND_ADDR",
        "FILAMENT_DATABASE_URL|mysql://x/y|FILAMENT_DATABASE_URL",
        "FILAMENT_DATABASE_URL|postgres://user@/nodb|FILAMENT_DATABASE_URL",
        "FILAMENT_REQUEST_TIMEOUT_MS|99|FILAMENT_REQUEST_TIMEOUT_MS",
        "FILAMENT_REQUEST_TIMEOUT_MS|600001|FILAMENT_REQUEST_TIMEOUT_MS",
        "FILAMENT_REQUEST_TIMEOUT_MS|10s|FILAMENT_REQUEST_TIMEOUT_MS",
        "FILAMENT_DB_STATEMENT_TIMEOUT_MS|10000|FILAMENT_DB_STATEMENT_TIMEOUT_MS",
        "FILAMENT_DB_LOCK_TIMEOUT_MS|0|FILAMENT_DB_LOCK_TIMEOUT_MS",
        "FILAMENT_MAX_BODY_BYTES|-1|FILAMENT_MAX_BODY_BYTES",
        "FILAMENT_MAX_CONNECTIONS|99|FILAMENT_MAX_CONNECTIONS",
        "FILAMENT_MAX_CONNECTIONS|many|FILAMENT_MAX_CONNECTIONS",
        "FILAMENT_RATE_LIMIT_REQUESTS_PER_MINUTE|0|FILAMENT_RATE_LIMIT_REQUESTS_PER_MINUTE",
        "FILAMENT_TOKEN_KEY|c2hvcnQ=|FILAMENT_TOKEN_KEY",
        "FILAMENT_TOKEN_KEY|***|FILAMENT_TOKEN_KEY",
        "FILAMENT_SERVER_OWNER_USER_ID|nope|FILAMENT_SERVER_OWNER_USER_ID",
        "FILAMENT_GATEWAY_ALLOWED_ORIGINS|https://a.example/path|FILAMENT_GATEWAY_ALLOWED_ORIGINS",
        "FILAMENT_LIVEKIT_URL|http://x|FILAMENT_LIVEKIT_URL",
        "FILAMENT_LIVEKIT_API_KEY|only-key|FILAMENT_LIVEKIT_API_SECRET",
        "FILAMENT_HCAPTCHA_SITE_KEY|only-site-key|FILAMENT_HCAPTCHA_SECRET",
        "FILAMENT_HCAPTCHA_SECRET|only-secret|FILAMENT_HCAPTCHA_SITE_KEY",
        "FILAMENT_HCAPTCHA_VERIFY_URL|http://hcaptcha.example/siteverify|FILAMENT_HCAPTCHA_VERIFY_URL",
        "FILAMENT_HCAPTCHA_VERIFY_URL|ftp://localhost/x|FILAMENT_HCAPTCHA_VERIFY_URL",
        "FILAMENT_HCAPTCHA_VERIFY_URL|https://|FILAMENT_HCAPTCHA_VERIFY_URL",
        "FILAMENT_LOG_FORMAT|xml|FILAMENT_LOG_FORMAT",
        "FILAMENT_LOG_LEVEL|loud|FILAMENT_LOG_LEVEL",
        "FILAMENT_ENABLE_DEBUG_ROUTES|yes|FILAMENT_ENABLE_DEBUG_ROUTES",
        "FILAMENT_NODE_ID|has space|FILAMENT_NODE_ID",
        "FILAMENT_NODE_ID|123456789012345678901234567890123|FILAMENT_NODE_ID",
        "FILAMENT_REDIS_URL|http://redis:6379|FILAMENT_REDIS_URL",
        "FILAMENT_REDIS_URL|redis://redis:6379/16|FILAMENT_REDIS_URL",
        "FILAMENT_REDIS_URL|redis://redis:6379/0|FILAMENT_REDIS_URL",
    })
    void invalidValueNamesTheVariable(String name, String value, String named) {
        assertThatThrownBy(() -> load(Map.of(name, value)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.variable()).isEqualTo(named))
                .hasMessageStartingWith(named);
    }

    @Test
    void listErrorsNameTheOneBasedEntry() {
        assertThatThrownBy(() -> load(Map.of("FILAMENT_TRUSTED_PROXY_CIDRS", "10.0.0.0/8,,1.2.3.4")))
                .hasMessageContaining("entry 2 is empty");
        assertThatThrownBy(() -> load(Map.of("FILAMENT_TRUSTED_PROXY_CIDRS", "10.0.0.0/8,1.2.3.4,bogus")))
                .hasMessageContaining("entry 3");
    }

    @Test
    void dbBoundsMustStayBelowTheRequestBudget() {
        assertThatThrownBy(() -> load(Map.of("FILAMENT_REQUEST_TIMEOUT_MS", "1000")))
                .hasMessageStartingWith("FILAMENT_DB_ACQUIRE_TIMEOUT_MS");
        assertThatThrownBy(() -> load(Map.of("FILAMENT_REQUEST_TIMEOUT_MS", "1000", "FILAMENT_DB_ACQUIRE_TIMEOUT_MS", "500",
                "FILAMENT_DB_LOCK_TIMEOUT_MS", "500"))).hasMessageStartingWith("FILAMENT_DB_STATEMENT_TIMEOUT_MS");
        ServerConfig ok = load(Map.of("FILAMENT_REQUEST_TIMEOUT_MS", "1000", "FILAMENT_DB_STATEMENT_TIMEOUT_MS", "900",
                "FILAMENT_DB_ACQUIRE_TIMEOUT_MS", "500", "FILAMENT_DB_LOCK_TIMEOUT_MS", "500"));
        assertThat(ok.dbStatementTimeout()).isEqualTo(Duration.ofMillis(900));
    }
}
