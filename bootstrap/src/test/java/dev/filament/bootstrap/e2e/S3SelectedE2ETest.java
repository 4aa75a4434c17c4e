package dev.filament.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code FILAMENT_S3_BUCKET} selects the S3 store through the real wiring (SPEC 13, 17.7, 14.4): readiness probes the
 * bucket with a SigV4-signed, path-style {@code HeadBucket} and reports {@code kind: "s3"}; a store that fails makes
 * readiness degraded, not startup fail; the spool lives under {@code FILAMENT_ATTACHMENT_ROOT/.tmp}. The bucket is a
 * JDK HTTP server that records what it is asked (the object operations run against S3Mock in adapters-s3).
 */
@ExtendWith(PostgresExtension.class)
class S3SelectedE2ETest {
    private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger BUCKET_STATUS = new AtomicInteger(200);
    private static HttpServer bucket;
    private static RunningServer server;
    private static Path attachmentRoot;

    @BeforeAll
    static void start(TestDatabase db) throws IOException {
        bucket = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bucket.createContext("/", exchange -> {
            REQUESTS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(BUCKET_STATUS.get(), -1);
            exchange.close();
        });
        bucket.start();
        attachmentRoot = Path.of(RunningServer.tempAttachmentRoot());
        server = RunningServer.start(db, Map.of(
                "FILAMENT_ATTACHMENT_ROOT", attachmentRoot.toString(),
                "FILAMENT_S3_BUCKET", "filament-e2e",
                "FILAMENT_S3_ENDPOINT", "http://127.0.0.1:" + bucket.getAddress().getPort(),
                "FILAMENT_S3_REGION", "eu-central-1",
                "FILAMENT_S3_ACCESS_KEY_ID", "AKIDE2E",
                "FILAMENT_S3_SECRET_ACCESS_KEY", "e2e-secret"));
    }

    @AfterAll
    static void stop() {
        server.close();
        bucket.stop(0);
    }

    @Test
    void readinessFollowsTheBucketAndReportsKindS3() throws Exception {
        BUCKET_STATUS.set(200);
        HttpResponse<String> ready = server.get("/health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("\"blob_store\":{\"status\":\"ok\",\"kind\":\"s3\",\"latency_ms\":");
        assertThat(REQUESTS).anySatisfy(r -> assertThat(r).startsWith("HEAD /filament-e2e ")
                .contains("AWS4-HMAC-SHA256 Credential=AKIDE2E/").contains("/eu-central-1/s3/aws4_request")
                .doesNotContain("e2e-secret"));

        BUCKET_STATUS.set(403);
        HttpResponse<String> degraded = server.get("/health/ready");
        assertThat(degraded.statusCode()).as(degraded.body()).isEqualTo(503);
        assertThat(degraded.body()).contains("\"blob_store\":{\"status\":\"degraded\",\"kind\":\"s3\"");
        BUCKET_STATUS.set(200);
    }

    @Test
    void onlyTheSpoolIsKeptUnderTheAttachmentRoot() throws IOException {
        assertThat(attachmentRoot.resolve(".tmp")).isDirectory();
        try (var entries = Files.list(attachmentRoot)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly(".tmp");
        }
    }
}
