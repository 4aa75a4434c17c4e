package dev.filament.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real wiring against PostgreSQL: utility routes, readiness, metrics and request-id logging. */
@ExtendWith(PostgresExtension.class)
class ServerStartupTest {
    private static RunningServer server;

    @BeforeAll
    static void start(TestDatabase db) {
        server = RunningServer.start(db, Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void readinessReportsTheDatabase() throws Exception {
        HttpResponse<String> r = server.get("/health/ready");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"ready\"").contains("\"database\":{\"status\":\"ok\"")
                .contains("latency_ms")
                .contains("\"blob_store\":{\"status\":\"ok\",\"kind\":\"local\",\"latency_ms\":")
                .contains("\"blob_gc\":{\"status\":\"ok\",\"backlog\":");
    }

    @Test
    void servesTheApiDocumentAndItsBrowserPage() throws Exception {
        HttpResponse<String> doc = server.get("/openapi.json");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        assertThat(doc.body()).startsWith("{\"openapi\":\"3.1.0\"").contains("\"/guilds/{g}/channels/{c}/messages\"");
        HttpResponse<String> page = server.get("/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("docs/swagger-ui-bundle.js");
        assertThat(server.get("/docs/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsCoverJvmPoolAndRequests() throws Exception {
        server.get("/health");
        String body = server.get("/metrics").body();
        assertThat(body).contains("jvm_memory_used_bytes").contains("hikaricp_connections")
                .contains("http_server_requests_seconds_bucket");
    }

    /** #12 item 13: the two gateway gauges expose live values, also after a GC (they read NaN before). */
    @Test
    void gatewayGaugesReadTheirValuesOnMetrics() throws Exception {
        Api.User user = new Api(server).user();
        System.gc();
        assertThat(metric("filament_gateway_connections")).isEqualTo(0.0);
        assertThat(metric("filament_gateway_dispatch_queue_depth")).isEqualTo(0.0);
        try (WsClient socket = WsClient.connect(server.port(), user.token())) {
            socket.await("ready");
            System.gc();
            assertThat(metric("filament_gateway_connections")).isEqualTo(1.0);
            assertThat(metric("filament_gateway_dispatch_queue_depth")).isEqualTo(0.0);
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (metric("filament_gateway_connections") != 0.0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(metric("filament_gateway_connections")).as("the closed socket left the registry").isEqualTo(0.0);
    }

    private static double metric(String name) throws Exception {
        for (String line : server.get("/metrics").body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError(name + " is not exposed");
    }

    @Test
    void everyLogLineOfARequestCarriesItsRequestId() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<String> r = server.send(server.request("/nope").header("X-Request-Id", "trace-me-42"));
            assertThat(r.body()).contains("trace-me-42");
            List<ILoggingEvent> access = logs.withEvent("http.access").stream()
                    .filter(e -> "trace-me-42".equals(e.getMDCPropertyMap().get("request_id"))).toList();
            assertThat(access).hasSize(1);
            assertThat(LogCapture.field(access.get(0), "status")).contains(404);
            assertThat(LogCapture.field(access.get(0), "route")).contains("unmatched");
            assertThat(LogCapture.field(access.get(0), "client_ip_source")).contains("peer");
        }
    }
}
