package dev.filament.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.blob.port.out.ByteRange;
import dev.filament.domain.error.UnavailableException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounds of SPEC 17.7 against an endpoint that accepts connections and never answers (the kernel completes the
 * handshakes of a socket that is never accepted): every call fails 503 within its bound, shrunk here to keep the
 * test short, and nothing is retried.
 */
class S3BoundsTest {
    private static final S3Bounds SHORT = new S3Bounds(Duration.ofSeconds(2), Duration.ofMillis(300),
            Duration.ofMillis(400), Duration.ofMillis(200));
    private static final BlobKey KEY = BlobKey.attachment("01M00000000000000000000001");
    private static ServerSocket silent;

    @TempDir
    Path temp;

    @BeforeAll
    static void listenWithoutAnswering() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterAll
    static void stopListening() throws IOException {
        silent.close();
    }

    private S3BlobStore store(S3Bounds bounds) {
        S3Settings settings = new S3Settings("filament-test", URI.create("http://127.0.0.1:" + silent.getLocalPort()),
                "us-east-1", "key", "secret", true);
        return S3BlobStore.open(settings, Spool.prepare(temp.resolve("blobs")), S3BlobStoreTest.IDS, bounds);
    }

    private static void assertUnavailableWithin(Duration bound, Runnable call) {
        long started = System.nanoTime();
        assertThatThrownBy(call::run).isInstanceOfSatisfying(UnavailableException.class,
                e -> assertThat(e.kind()).isEqualTo("blob_store"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(bound.plusMillis(1500));
    }

    @Test
    void readsDeletesAndPutsThatGetNoAnswerFailUnavailableWithinTheirBounds() throws IOException {
        try (S3BlobStore store = store(SHORT)) {
            assertUnavailableWithin(SHORT.progress(), () -> store.read(KEY));
            assertUnavailableWithin(SHORT.progress(), () -> store.read(KEY, new ByteRange(0, 9)));
            assertUnavailableWithin(SHORT.progress(), () -> store.delete(KEY));
            assertUnavailableWithin(SHORT.put(), () -> store.write(KEY, new ByteArrayInputStream(new byte[1000])));
            try (Stream<Path> spooled = Files.list(temp.resolve("blobs/.tmp"))) {
                assertThat(spooled).isEmpty();
            }
        }
    }

    @Test
    void theReadinessProbeGivesUpAfterItsBound() {
        try (S3BlobStore store = store(SHORT)) {
            var health = store.check();
            assertThat(health.ok()).isFalse();
            assertThat(health.kind()).isEqualTo("s3");
            assertThat(health.latencyMs()).isLessThan(SHORT.check().toMillis() + 1500);
        }
    }

    @Test
    void aRefusedConnectionFailsUnavailableAtOnce() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        S3Settings settings = new S3Settings("filament-test", URI.create("http://127.0.0.1:" + closedPort),
                "us-east-1", "key", "secret", true);
        try (S3BlobStore store = S3BlobStore.open(settings, Spool.prepare(temp.resolve("blobs")),
                S3BlobStoreTest.IDS, S3Bounds.defaults())) {
            assertUnavailableWithin(Duration.ZERO, () -> store.read(KEY));
            assertThat(store.check().ok()).isFalse();
        }
    }
}
