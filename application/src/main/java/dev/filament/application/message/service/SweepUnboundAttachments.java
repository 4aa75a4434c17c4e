package dev.filament.application.message.service;

import dev.filament.application.blob.port.out.BlobCollectorQueue;
import dev.filament.application.message.port.out.AttachmentRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * One pass of the unbound-upload sweeper (SPEC 8.5): deletes attachments never bound to a message and older than
 * 24 h, in batches of 256 claimed with {@code FOR UPDATE SKIP LOCKED}, each batch its own short transaction (so a pass
 * never holds locks a request waits on for long, and concurrent processes split the work). Their blobs enter the
 * collector through the delete; the collector is woken after a pass that deleted something. The caller (a background
 * thread) runs it every 10 min and reports the count.
 */
public final class SweepUnboundAttachments {
    public static final Duration MAX_AGE = Duration.ofSeconds(86_400);
    public static final Duration PERIOD = Duration.ofSeconds(600);
    public static final int BATCH = 256;

    private final UnitOfWork unitOfWork;
    private final AttachmentRepository attachments;
    private final BlobCollectorQueue collector;
    private final Clock clock;

    public SweepUnboundAttachments(UnitOfWork unitOfWork, AttachmentRepository attachments,
                                   BlobCollectorQueue collector, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.attachments = attachments;
        this.collector = collector;
        this.clock = clock;
    }

    /**
     * Runs batches until one comes back short; {@code progress} receives each batch's count. Returns the total.
     * Throws what the unit of work throws (the runner logs it and tries again next period).
     */
    public int sweep(IntConsumer progress) {
        int total = 0;
        int deleted;
        do {
            var cutoff = clock.instant().minus(MAX_AGE);
            deleted = unitOfWork.inTransaction(() -> attachments.sweepUnbound(cutoff, BATCH));
            total += deleted;
            if (deleted > 0) {
                progress.accept(deleted);
            }
        } while (deleted == BATCH);
        if (total > 0) {
            collector.wake();
        }
        return total;
    }
}
