package dev.filament.application.blob.port.out;

import java.io.InputStream;
import java.util.Optional;

/**
 * Out-port: the object store for attachments, avatars and banners (SPEC 8.7). Technology-neutral: the local
 * filesystem and an S3-compatible store implement the same contract ({@code BlobStoreContract}).
 *
 * <p>Every call outside body streaming (opening, committing, deleting, checking) is bounded by 5 s; on expiry it
 * throws {@link dev.filament.domain.error.UnavailableException} (503). Keys are never reused, so a key once deleted
 * is never written again.
 */
public interface BlobStore {

    /**
     * Streams {@code body} to the end into staging, then commits it atomically under {@code key}: a reader sees
     * nothing or the whole object. Reads in chunks of at most 65536 bytes. Any exception thrown by {@code body}
     * (including the upload pipeline's typed rejections) propagates unchanged after the staging is deleted; nothing
     * is then stored.
     */
    StoredBlob write(BlobKey key, InputStream body);

    /** Opens the whole object; empty when it does not exist. */
    Optional<BlobContent> read(BlobKey key);

    /**
     * Opens {@code range} of the object (clipped to its end); empty when it does not exist. A range starting at or
     * beyond the end throws {@link IllegalArgumentException} (callers resolve ranges against the known size first).
     */
    Optional<BlobContent> read(BlobKey key, ByteRange range);

    /** Deletes the object; a missing object counts as deleted. */
    void delete(BlobKey key);

    /** The readiness probe of SPEC 14.4 ({@code blob_store}); never throws. */
    Health check();

    /** {@code kind}: {@code local} or {@code s3}. */
    record Health(boolean ok, String kind, long latencyMs) {
    }
}
