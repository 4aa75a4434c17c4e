package dev.filament.http;

import dev.filament.http.testing.HttpFixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC 2.1 and 1.7: errors the HTTP server produces itself, before routing, are the JSON error body with an
 * X-Request-Id, and close the connection. Raw sockets, since no HTTP client sends these requests.
 */
class ServerErrorsHttpTest {
    private static HttpFixture server;

    @BeforeAll
    static void start() {
        server = HttpFixture.builder().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("malformed request line", "GARBAGE\r\n\r\n", 400, "invalid_request"),
                Arguments.of("bad HTTP version", "GET /health HTTP/9.9\r\nHost: x\r\n\r\n", 400, "invalid_request"),
                Arguments.of("URI of 100 KB", "GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                        414, "uri_too_long"),
                Arguments.of("URI just over 8 KiB", "GET /health?q=" + "a".repeat(8_200) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                        414, "uri_too_long"),
                Arguments.of("headers of 100 KB", "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(100_000)
                        + "\r\n\r\n", 431, "headers_too_large"),
                Arguments.of("headers just over 16 KiB", "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: "
                        + "b".repeat(16_400) + "\r\n\r\n", 431, "headers_too_large"),
                Arguments.of("CONNECT", "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n",
                        405, "method_not_allowed"),
                Arguments.of("unknown method token", "FROB /health HTTP/1.1\r\nHost: x\r\n\r\n",
                        405, "method_not_allowed"),
                Arguments.of("TRACE", "TRACE /nope HTTP/1.1\r\nHost: x\r\n\r\n", 405, "method_not_allowed"),
                Arguments.of("missing Host", "GET /health HTTP/1.1\r\n\r\n", 400, "invalid_request"),
                Arguments.of("Content-Length with chunked", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "0\r\n\r\n", 400, "invalid_request"),
                Arguments.of("two Content-Lengths", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                        + "Content-Length: 6\r\n\r\nhello", 400, "invalid_request"),
                Arguments.of("invalid header name", "GET /health HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n",
                        400, "invalid_request"),
                Arguments.of("undecodable path", "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n", 400, "invalid_request"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void answeredWithTheJsonErrorBodyAndARequestIdThenClosed(String what, String request, int status, String code)
            throws Exception {
        RawHttp.Response r = RawHttp.exchange(server.port(), request);

        assertThat(r.status()).isEqualTo(status);
        String id = r.header("X-Request-Id");
        assertThat(id).isNotBlank();
        assertThat(r.body()).isEqualTo("{\"error\":\"" + code + "\",\"request_id\":\"" + id + "\"}");
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertThat(r.header("Connection")).isEqualTo("close");
        assertThat(r.closedByServer()).isTrue();
    }

    @Test
    void anUnsupportedMethodCarriesAllowAndEchoesAValidRequestId() throws Exception {
        RawHttp.Response r = RawHttp.exchange(server.port(),
                "FROB /health HTTP/1.1\r\nHost: x\r\nX-Request-Id: probe-1\r\n\r\n");

        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("Allow")).isEqualTo("GET");
        assertThat(r.header("X-Request-Id")).isEqualTo("probe-1");
        assertThat(r.body()).contains("\"request_id\":\"probe-1\"");
    }

    @Test
    void headsInsideTheLimitsAreServed() throws Exception {
        RawHttp.Response r = RawHttp.exchange(server.port(), "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "X-Big: " + "b".repeat(12_000) + "\r\n\r\n");
        assertThat(r.status()).isEqualTo(200);
        RawHttp.Response q = RawHttp.exchange(server.port(), "GET /nope?q=" + "a".repeat(8_000)
                + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(q.status()).as("a URI under 8 KiB is routed").isEqualTo(404);
    }

    @Test
    void aRoutedErrorSentBeforeTheBodyArrivedClosesTheConnection() throws Exception {
        RawHttp.Response r = RawHttp.exchange(server.port(),
                "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n");

        assertThat(r.status()).isEqualTo(415);
        assertThat(r.header("Connection")).isEqualTo("close");
        assertThat(r.body()).contains("\"error\":\"unsupported_media_type\"");
    }

    @Test
    void preRoutingErrorsReachTheRequestMetrics() throws Exception {
        RawHttp.exchange(server.port(), "GARBAGE\r\n\r\n");
        assertThat(server.prometheus.scrape())
                .containsPattern("http_server_requests_seconds_count\\{method=\"OTHER\",route=\"unmatched\","
                        + "status=\"400\"\\} [1-9]");
    }
}
