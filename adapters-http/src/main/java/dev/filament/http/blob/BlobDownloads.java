package dev.filament.http.blob;

import dev.filament.application.blob.port.out.BlobContent;
import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.blob.port.out.BlobStore;
import dev.filament.http.error.BlobMissing;
import dev.filament.http.error.RangeNotSatisfiable;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a stored blob as a route's response (SPEC 4.5, 8.5): {@code ETag} from its SHA-256, {@code If-None-Match}
 * → 304, a single {@code Range} → 206 (or 416 {@code range_not_satisfiable}), {@code If-Range} honoured, whole body
 * otherwise; {@code Content-Length}, {@code Accept-Ranges: bytes}, {@code nosniff} and the caller's
 * {@link DownloadHeaders}. The body is handed to Javalin as a stream (the store's ranged read), written after the
 * handler returns, so it streams outside the request budget and is never buffered; a write that makes no progress
 * for {@link #WRITE_BOUND} closes the connection. A missing blob logs
 * {@code blob.missing} and answers 500 (keys are never reused: that is data loss).
 */
public final class BlobDownloads {
    private static final Logger LOG = LoggerFactory.getLogger(BlobDownloads.class);
    /** SPEC 2.2: each socket write of a download body is bounded by 30 s; on expiry the connection is closed. */
    public static final java.time.Duration WRITE_BOUND = java.time.Duration.ofSeconds(30);

    private final BlobStore store;

    public BlobDownloads(BlobStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** What the route's row says about the blob: its key, size, SHA-256 hex and stored (sniffed) type. */
    public record Blob(BlobKey key, long sizeBytes, String sha256Hex, String mimeType) {
        public Blob {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(sha256Hex, "sha256Hex");
            Objects.requireNonNull(mimeType, "mimeType");
        }

        String etag() {
            return "\"" + sha256Hex + "\"";
        }

        String contentType() {
            return mimeType.equals("text/plain") ? "text/plain; charset=utf-8" : mimeType;
        }
    }

    /** Answers the request with {@code blob}; call as the route's last step (after access checks). */
    public void serve(Context ctx, Blob blob, DownloadHeaders headers) {
        ctx.header("ETag", blob.etag());
        ctx.header("Cache-Control", headers.cacheControl());
        ctx.header("X-Content-Type-Options", "nosniff");
        headers.extra().forEach(ctx::header);
        if (notModified(ctx.header("If-None-Match"), blob.etag())) {
            ctx.status(304);
            return;
        }
        RangeHeader range = ifRangeMatches(ctx.header("If-Range"), blob.etag())
                ? RangeHeader.parse(Optional.ofNullable(ctx.header("Range")), blob.sizeBytes())
                : new RangeHeader.Whole();
        if (range instanceof RangeHeader.Unsatisfiable) {
            ctx.header("Content-Range", "bytes */" + blob.sizeBytes());
            throw new RangeNotSatisfiable();
        }
        BlobContent content = (range instanceof RangeHeader.Partial p
                ? store.read(blob.key(), p.range())
                : store.read(blob.key()))
                .orElseThrow(() -> missing(blob, ctx));
        headers.contentDisposition().ifPresent(d -> ctx.header("Content-Disposition", d));
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("Content-Type", blob.contentType());
        ctx.header("Content-Length", Long.toString(content.length()));
        if (range instanceof RangeHeader.Partial p) {
            long last = p.range().first() + content.length() - 1;
            ctx.header("Content-Range", "bytes " + p.range().first() + "-" + last + "/" + content.totalSize());
            ctx.status(206);
        } else {
            ctx.status(200);
        }
        ctx.disableCompression();
        ConnectionIdle.bound(ctx, WRITE_BOUND);
        ctx.result(content.stream());
    }

    private static BlobMissing missing(Blob blob, Context ctx) {
        var matched = ctx.endpoints().matchedHttpEndpoint();
        LOG.atError().addKeyValue("event", "blob.missing").addKeyValue("object_key", blob.key().value())
                .addKeyValue("route", matched == null ? "unmatched" : matched.path)
                .log("stored row names a blob that does not exist");
        return new BlobMissing();
    }

    /** {@code If-None-Match}: {@code *} or any listed (weak or strong) tag equal to ours. */
    static boolean notModified(String header, String etag) {
        if (header == null) {
            return false;
        }
        for (String tag : header.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** {@code If-Range} absent or equal to our (strong) ETag; a date or another tag means "send it all". */
    static boolean ifRangeMatches(String header, String etag) {
        return header == null || header.strip().equals(etag);
    }
}
