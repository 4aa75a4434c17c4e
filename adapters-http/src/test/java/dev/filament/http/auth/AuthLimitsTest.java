package dev.filament.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** SPEC 2.6 auth limiters keyed by the resolved client IP (INCIDENT.md part 2). */
class AuthLimitsTest {
    private static final String BODY = "{\"username\":\"nobody_here\",\"password\":\"correct horse battery\"}";

    HttpResponse<String> login(IdentityFixture f, String header, String value) throws Exception {
        return f.http.send(f.http.request("/auth/login").header("Content-Type", "application/json")
                .header(header, value).POST(java.net.http.HttpRequest.BodyPublishers.ofString(BODY)));
    }

    @Test
    void behindATrustedProxyForwardedClientsGetIndependentBuckets() throws Exception {
        try (IdentityFixture f = new IdentityFixture(3, "127.0.0.1/32")) {
            for (int i = 0; i < 3; i++) {
                assertThat(login(f, "X-Forwarded-For", "198.51.100.1").statusCode()).isEqualTo(401);
            }
            HttpResponse<String> limited = login(f, "X-Forwarded-For", "198.51.100.1");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("RateLimit-Policy")).contains("\"auth_login\";q=3;w=60");
            assertThat(login(f, "X-Forwarded-For", "198.51.100.2").statusCode()).as("client B").isEqualTo(401);
            assertThat(login(f, "CF-Connecting-IP", "203.0.113.5").statusCode()).as("client C").isEqualTo(401);
            int hashesBefore = f.hasher.verifications();
            login(f, "X-Forwarded-For", "198.51.100.1");
            assertThat(f.hasher.verifications()).as("limited before any hashing").isEqualTo(hashesBefore);
        }
    }

    @Test
    void fromAnUntrustedPeerSpoofedHeadersNeverEscapeTheLimit() throws Exception {
        try (IdentityFixture f = new IdentityFixture(3)) {
            for (int i = 0; i < 3; i++) {
                assertThat(login(f, "X-Forwarded-For", "198.51.100." + i).statusCode()).isEqualTo(401);
            }
            assertThat(login(f, "X-Forwarded-For", "198.51.100.99").statusCode()).isEqualTo(429);
            assertThat(login(f, "CF-Connecting-IP", "203.0.113.77").statusCode()).isEqualTo(429);
        }
    }

    @Test
    void eachAuthRouteHasItsOwnBucket() throws Exception {
        try (IdentityFixture f = new IdentityFixture(1)) {
            assertThat(f.http.postJson("/auth/login", BODY).statusCode()).isEqualTo(401);
            assertThat(f.http.postJson("/auth/login", BODY).statusCode()).isEqualTo(429);
            assertThat(f.http.postJson("/auth/register", BODY).statusCode()).isEqualTo(200);
            assertThat(f.http.postJson("/auth/refresh", "{\"refresh_token\":\"a.b\"}").statusCode()).isEqualTo(401);
            assertThat(f.http.postJson("/auth/logout", "{\"refresh_token\":\"a.b\"}").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void ipv6ClientsAreLimitedPerSlash64_soTwoHundredAddressesInOneNetworkCountAsOne() throws Exception {
        try (IdentityFixture f = new IdentityFixture(3, "127.0.0.1/32")) {
            int limited = 0;
            for (int i = 1; i <= 200; i++) {
                String address = "2001:db8:aa:bb:" + Integer.toHexString(i) + "::" + Integer.toHexString(i * 7);
                int status = login(f, "CF-Connecting-IP", address).statusCode();
                assertThat(status).as("login %d from %s", i, address).isEqualTo(i <= 3 ? 401 : 429);
                limited += status == 429 ? 1 : 0;
            }
            assertThat(limited).isEqualTo(197);
            assertThat(login(f, "CF-Connecting-IP", "2001:db8:aa:bc::1").statusCode()).as("another /64")
                    .isEqualTo(401);
            assertThat(login(f, "CF-Connecting-IP", "198.51.100.40").statusCode()).isEqualTo(401);
            assertThat(login(f, "CF-Connecting-IP", "198.51.100.41").statusCode()).as("IPv4 stays per address")
                    .isEqualTo(401);
        }
    }
}
