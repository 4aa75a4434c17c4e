package dev.filament.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.blob.fakes.InMemoryBlobGc;
import dev.filament.application.blob.fakes.InMemoryBlobStore;
import dev.filament.application.blob.fakes.InMemoryMimeSniffer;
import dev.filament.application.blob.port.in.UploadPolicy;
import dev.filament.application.blob.port.in.UploadRequest;
import dev.filament.application.blob.port.in.UploadedBlob;
import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.blob.port.out.SniffedType;
import dev.filament.application.blob.service.BlobUploads;
import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.http.blob.BlobDownloads;
import dev.filament.http.blob.DownloadHeaders;
import dev.filament.http.blob.RawUploads;
import dev.filament.http.testing.HttpFixture;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reusable upload and download pieces on throwaway routes: the per-route body limit (the JSON limit here is
 * 1024 bytes, the upload route's cap 100000), the streamed pipeline's error mapping, and the download headers.
 */
class BlobHttpTest {
    private static final int CAP = 100_000;
    private static final UploadPolicy POLICY = new UploadPolicy(CAP, SniffedType.ALL);
    private static final InMemoryBlobStore STORE = new InMemoryBlobStore();
    private static final Map<String, UploadedBlob> ROWS = new ConcurrentHashMap<>();
    private static HttpFixture server;

    @BeforeAll
    static void start() {
        InMemoryBlobGc gc = new InMemoryBlobGc();
        BlobUploads uploads = new BlobUploads(STORE, new InMemoryMimeSniffer(), gc,
                new InMemoryUnitOfWork().enlist(gc), Clock.systemUTC());
        BlobDownloads downloads = new BlobDownloads(STORE);
        server = HttpFixture.builder().maxBody(1024)
                .routes(r -> r.postUpload("/test/blobs/{id}", CAP, ctx -> {
                    String id = ctx.pathParam("id");
                    UploadedBlob blob = uploads.upload(UploadRequest.of(BlobKey.attachment(id),
                            RawUploads.declaredType(ctx), POLICY), RawUploads.body(ctx));
                    ROWS.put(id, blob);
                    ctx.json(Map.of("size", blob.sizeBytes(), "sha256", blob.sha256Hex(), "mime", blob.mime()));
                }))
                .routes(r -> r.postUpload("/test/idle-upload", CAP, ctx -> {
                    uploads.upload(UploadRequest.of(BlobKey.attachment(id(99)), RawUploads.declaredType(ctx), POLICY),
                            RawUploads.body(ctx, java.time.Duration.ofMillis(500)));
                    ctx.json(Map.of("done", true));
                }))
                .routes(r -> r.get("/test/blobs/{id}", ctx -> {
                    UploadedBlob row = ROWS.get(ctx.pathParam("id"));
                    downloads.serve(ctx, new BlobDownloads.Blob(row.key(), row.sizeBytes(), row.sha256Hex(),
                            row.mime()), DownloadHeaders.attachment("r\u00e9sum\u00e9 \"1\".txt"));
                }))
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String id(int n) {
        return String.format("01J%023d", n);
    }

    private HttpResponse<String> upload(String id, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder r = server.request("/test/blobs/" + id).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            r.header("Content-Type", contentType);
        }
        return server.send(r);
    }

    private static byte[] text(int size) {
        byte[] b = new byte[size];
        java.util.Arrays.fill(b, (byte) 'a');
        return b;
    }

    @Test
    void anUploadRouteTakesBodiesAboveTheJsonLimitUpToItsOwnCap() throws Exception {
        HttpResponse<String> ok = upload(id(1), "text/plain; charset=utf-8", text(CAP));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("\"size\":" + CAP).contains("\"mime\":\"text/plain\"");
        assertThat(STORE.largestChunkRead()).isLessThanOrEqualTo(65536);

        HttpResponse<String> json = server.postJson("/echo", "{\"message\":\"" + "x".repeat(2000) + "\"}");
        assertThat(json.statusCode()).as("other routes keep the default limit").isEqualTo(413);
    }

    @Test
    void aDeclaredLengthAboveTheCapIs413BeforeAnyByteAndTheConnectionCloses() throws Exception {
        RawHttp.Response r = RawHttp.exchange(server.port(), "POST /test/blobs/" + id(2) + " HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: text/plain\r\nContent-Length: " + (CAP + 1) + "\r\n\r\n");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body()).contains("\"error\":\"payload_too_large\"");
        assertThat(r.header("Connection")).isEqualTo("close");
        assertThat(r.closedByServer()).isTrue();
    }

    @Test
    void aChunkedBodyPastTheCapIs413WithConnectionClose() throws Exception {
        HttpResponse<String> r = server.send(server.request("/test/blobs/" + id(3))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(text(CAP + 1)))));
        HttpFixture.error(r, 413, "payload_too_large");
        assertThat(r.headers().firstValue("Connection")).contains("close");
        assertThat(STORE.contains(BlobKey.attachment(id(3)))).isFalse();
    }

    @Test
    void aBodyThatStopsArrivingIs408WithConnectionClose() throws Exception {
        // routes use RawUploads.BODY_IDLE (15 s); this route uses 500 ms so the test stays short
        RawHttp.Response r = RawHttp.exchange(server.port(), "POST /test/idle-upload HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 1000\r\n\r\nhello");
        assertThat(r.status()).isEqualTo(408);
        assertThat(r.body()).contains("\"error\":\"request_timeout\"");
        assertThat(r.header("Connection")).isEqualTo("close");
        assertThat(STORE.contains(BlobKey.attachment(id(99)))).isFalse();
    }

    @Test
    void refusalsMapToTheirJsonErrors() throws Exception {
        HttpFixture.error(upload(id(4), "text/html", text(10)), 415, "unsupported_media_type");
        HttpFixture.error(upload(id(4), "image", text(10)), 400, "invalid_request");
        HttpFixture.error(upload(id(4), "image/png", text(10)), 400, "invalid_request");
        HttpFixture.error(upload(id(4), null, new byte[0]), 400, "invalid_request");
        HttpFixture.error(upload(id(4), null, new byte[] {0, 1, 2, 3}), 415, "unsupported_media_type");
        HttpFixture.error(upload(id(4), null, "<svg/>".getBytes(StandardCharsets.UTF_8)), 415,
                "unsupported_media_type");
        assertThat(STORE.contains(BlobKey.attachment(id(4)))).isFalse();
    }

    @Test
    void aDownloadCarriesItsHeadersAndHonoursRangesAndConditionals() throws Exception {
        byte[] body = "0123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(upload(id(5), null, body).statusCode()).isEqualTo(200);
        String path = "/test/blobs/" + id(5);
        String etag = "\"" + ROWS.get(id(5)).sha256Hex() + "\"";

        HttpResponse<String> whole = server.get(path);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo("0123456789");
        // Jetty writes the parameter without the optional space (same media type, RFC 9110 8.3.1)
        assertThat(whole.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                .isEqualTo("text/plain;charset=utf-8");
        assertThat(whole.headers().map()).containsEntry("content-length", java.util.List.of("10"))
                .containsEntry("accept-ranges", java.util.List.of("bytes"))
                .containsEntry("etag", java.util.List.of(etag))
                .containsEntry("x-content-type-options", java.util.List.of("nosniff"))
                .containsEntry("cache-control", java.util.List.of("private, no-store"))
                .containsEntry("content-security-policy", java.util.List.of("default-src 'none'; sandbox"))
                .containsEntry("cross-origin-resource-policy", java.util.List.of("same-origin"))
                .containsEntry("content-disposition", java.util.List.of(
                        "attachment; filename=\"r_sum_ _1_.txt\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%221%22.txt"));

        HttpResponse<String> part = server.get(path, null, "Range", "bytes=2-5");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo("2345");
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 2-5/10");
        assertThat(part.headers().firstValue("Content-Length")).contains("4");

        assertThat(server.get(path, null, "Range", "bytes=-3").body()).isEqualTo("789");
        assertThat(server.get(path, null, "Range", "bytes=7-99").body()).isEqualTo("789");
        HttpResponse<String> beyond = server.get(path, null, "Range", "bytes=10-");
        HttpFixture.error(beyond, 416, "range_not_satisfiable");
        assertThat(beyond.headers().firstValue("Content-Range")).contains("bytes */10");
        HttpFixture.error(server.get(path, null, "Range", "bytes=-0"), 416, "range_not_satisfiable");
        for (String ignored : new String[] {"bytes=1-2,4-5", "items=1-2", "bytes=5-2", "bytes=x"}) {
            HttpResponse<String> r = server.get(path, null, "Range", ignored);
            assertThat(r.statusCode()).as(ignored).isEqualTo(200);
            assertThat(r.body()).isEqualTo("0123456789");
        }
        HttpResponse<String> staleIfRange = server.get(path, null, "Range", "bytes=2-5", "If-Range", "\"other\"");
        assertThat(staleIfRange.statusCode()).isEqualTo(200);
        assertThat(server.get(path, null, "Range", "bytes=2-5", "If-Range", etag).statusCode()).isEqualTo(206);

        HttpResponse<String> notModified = server.get(path, null, "If-None-Match", "\"x\", " + etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().firstValue("ETag")).contains(etag);

        HttpResponse<String> gzipAsked = server.get(path, null, "Accept-Encoding", "gzip");
        assertThat(gzipAsked.body()).isEqualTo("0123456789");
        assertThat(gzipAsked.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void aRowWhoseBlobIsMissingAnswers500() throws Exception {
        assertThat(upload(id(6), null, "x".getBytes(StandardCharsets.US_ASCII)).statusCode()).isEqualTo(200);
        STORE.delete(BlobKey.attachment(id(6)));
        HttpFixture.error(server.get("/test/blobs/" + id(6)), 500, "internal_error");
    }
}
