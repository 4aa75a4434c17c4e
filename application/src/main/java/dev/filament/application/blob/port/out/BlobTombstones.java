package dev.filament.application.blob.port.out;

import java.time.Instant;

/**
 * Out-port: the request side of the blob collector's queue {@code blob_gc} (SPEC 8.7). Both methods join the
 * caller's {@link dev.filament.application.shared.port.out.UnitOfWork} transaction.
 */
public interface BlobTombstones {

    /**
     * Queues {@code key} for deletion once {@code notBefore} has passed; when the key is already queued, its time is
     * lowered to {@code notBefore} if that is earlier (never raised). Used for the upload tombstone (now + 3600 s) and
     * for the old key of a replaced avatar or banner (now + 60 s), in that route's transaction.
     */
    void schedule(BlobKey key, Instant notBefore);

    /** Removes the queued row of {@code key} (the route's final transaction cancels its upload's tombstone). */
    void cancel(BlobKey key);
}
