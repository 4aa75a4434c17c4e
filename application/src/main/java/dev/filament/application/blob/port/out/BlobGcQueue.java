package dev.filament.application.blob.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Out-port: the collector's side of {@code blob_gc} (SPEC 8.7). Each method runs and commits on its own. */
public interface BlobGcQueue {

    /**
     * Claims up to {@code limit} rows due at {@code now} in one committed statement (rows chosen with
     * {@code FOR UPDATE SKIP LOCKED}): each gets {@code not_before = now + lease} and {@code attempts + 1}.
     */
    List<Claim> claimDue(Instant now, int limit, Duration lease);

    /** Deletes the rows of blobs that were deleted. */
    void completed(Collection<BlobKey> keys);

    /** Makes a claimed row due again after {@code min(2^attempts, 3600)} s from {@code now}. */
    void failed(Claim claim, Instant now);

    /** The due rows at {@code now}: their count and how long the oldest is overdue (readiness {@code blob_gc}). */
    Backlog backlog(Instant now);

    /** A claimed row; {@code attempts} is the count after this claim. */
    record Claim(BlobKey key, int attempts) {
    }

    /** {@code oldestOverdueSeconds} is 0 when nothing is due. */
    record Backlog(long due, long oldestOverdueSeconds) {
    }

    /** The retry delay after a failed attempt: {@code min(2^attempts, 3600)} seconds. */
    static Duration retryDelay(int attempts) {
        return Duration.ofSeconds(attempts >= 12 ? 3600 : Math.min(1L << Math.max(attempts, 0), 3600));
    }
}
