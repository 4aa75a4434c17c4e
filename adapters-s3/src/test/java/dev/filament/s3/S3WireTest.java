package dev.filament.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.filament.application.blob.port.out.BlobContent;
import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.blob.port.out.ByteRange;
import dev.filament.domain.error.UnavailableException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What goes over the wire (SPEC 17.7): one PUT with {@code Content-Length} (never chunked transfer), the client's
 * {@code Range} passed through, and a failure answered once, never retried. The store is a recording JDK HTTP server.
 */
class S3WireTest {
    private final List<HttpExchange> seen = new CopyOnWriteArrayList<>();
    private final List<String> headers = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private HttpServer fake;
    private S3BlobStore store;

    @TempDir
    Path temp;

    @BeforeEach
    void start() throws IOException {
        fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        fake.createContext("/", this::answer);
        fake.start();
        S3Settings settings = new S3Settings("filament-test", URI.create("http://127.0.0.1:" + fake.getAddress()
                .getPort()), "us-east-1", "key", "secret", true);
        store = S3BlobStore.open(settings, Spool.prepare(temp), S3BlobStoreTest.IDS);
    }

    @AfterEach
    void stop() {
        store.close();
        fake.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        seen.add(exchange);
        var h = exchange.getRequestHeaders();
        headers.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                + " length=" + h.getFirst("Content-Length") + " transfer=" + h.getFirst("Transfer-Encoding")
                + " decoded=" + h.getFirst("x-amz-decoded-content-length") + " range=" + h.getFirst("Range"));
        exchange.getRequestBody().readAllBytes();
        if (status.get() != 200) {
            exchange.sendResponseHeaders(status.get(), -1);
        } else if ("GET".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().add("Content-Range", "bytes 10-19/1000");
            exchange.sendResponseHeaders(206, 10);
            exchange.getResponseBody().write(new byte[10]);
        } else {
            exchange.sendResponseHeaders(200, -1);
        }
        exchange.close();
    }

    @Test
    void aWriteIsOnePutWithContentLengthAndARangeIsPassedThrough() {
        BlobKey key = BlobKey.attachment("01M00000000000000000000001");
        store.write(key, new ByteArrayInputStream(new byte[100_000]));
        assertThat(headers).singleElement().asString()
                .startsWith("PUT /filament-test/attachments/01M00000000000000000000001 length=")
                .contains("transfer=null").doesNotContain("length=null");
        assertThat(headers.get(0)).matches(".*(length=100000 .*decoded=null|decoded=100000).*");

        try (BlobContent range = store.read(key, new ByteRange(10, 19)).orElseThrow()) {
            assertThat(range.length()).isEqualTo(10);
            assertThat(range.totalSize()).isEqualTo(1000);
        }
        assertThat(headers.get(1)).startsWith("GET /filament-test/attachments/").endsWith("range=bytes=10-19");
    }

    @Test
    void aFailingStoreIsAskedOnceAndAnswers503() {
        status.set(500);
        BlobKey key = BlobKey.attachment("01M00000000000000000000002");
        assertThatThrownBy(() -> store.write(key, new ByteArrayInputStream(new byte[10])))
                .isInstanceOf(UnavailableException.class);
        assertThatThrownBy(() -> store.read(key)).isInstanceOf(UnavailableException.class);
        assertThatThrownBy(() -> store.delete(key)).isInstanceOf(UnavailableException.class);
        assertThat(seen).hasSize(3);
        status.set(503);
        assertThat(store.check().ok()).isFalse();
        assertThat(seen).hasSize(4);
    }
}
