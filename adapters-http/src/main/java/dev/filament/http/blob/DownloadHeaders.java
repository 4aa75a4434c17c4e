package dev.filament.http.blob;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The caller-chosen headers of a blob download: {@code Cache-Control}, an optional {@code Content-Disposition}, and
 * any further fixed headers (e.g. the attachment route's CSP and CORP). {@code ETag}, {@code Content-Type},
 * {@code Content-Length}, {@code Accept-Ranges} and {@code X-Content-Type-Options: nosniff} are always set by
 * {@link BlobDownloads}.
 */
public record DownloadHeaders(String cacheControl, Optional<String> contentDisposition, Map<String, String> extra) {
    public DownloadHeaders {
        Objects.requireNonNull(cacheControl, "cacheControl");
        Objects.requireNonNull(contentDisposition, "contentDisposition");
        extra = Map.copyOf(extra);
    }

    /** SPEC 8.5: an attachment download (private, never cached, sandboxed, saved under its filename). */
    public static DownloadHeaders attachment(String filename) {
        return new DownloadHeaders("private, no-store", Optional.of(ContentDisposition.attachment(filename)),
                Map.of("Content-Security-Policy", "default-src 'none'; sandbox",
                        "Cross-Origin-Resource-Policy", "same-origin"));
    }

    /** Inline bytes with the given {@code Cache-Control} and no disposition (e.g. avatars and banners). */
    public static DownloadHeaders inline(String cacheControl) {
        return new DownloadHeaders(cacheControl, Optional.empty(), Map.of());
    }
}
