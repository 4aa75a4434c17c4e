package dev.filament.application.blob.service;

import dev.filament.application.blob.port.out.BlobGcQueue;
import dev.filament.application.shared.port.out.ReadinessCheck;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Readiness check {@code blob_gc} (SPEC 14.4): ok when no due {@code blob_gc} row is more than 3600 s past its
 * {@code not_before}. One bounded query (the database's statement bound; the readiness route bounds the wait).
 */
public final class BlobGcReadinessCheck implements ReadinessCheck {
    public static final Duration MAX_OVERDUE = Duration.ofSeconds(3600);

    private final BlobGcQueue queue;
    private final Clock clock;

    public BlobGcReadinessCheck(BlobGcQueue queue, Clock clock) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "blob_gc";
    }

    @Override
    public Result check() {
        BlobGcQueue.Backlog backlog = queue.backlog(clock.instant());
        return new Result(backlog.oldestOverdueSeconds() <= MAX_OVERDUE.toSeconds(),
                new BlobGcDetails(backlog.due(), backlog.oldestOverdueSeconds()));
    }
}
