package dev.filament.realtime.media;

import dev.filament.application.message.service.SweepUnboundAttachments;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the unbound-upload sweeper (SPEC 8.5) on its own daemon thread every {@code period} (10 min), so it never
 * blocks a request: each batch is a short transaction claiming rows with {@code SKIP LOCKED}. Every batch that deleted
 * rows logs {@code attachment.sweep} with {@code deleted} and feeds the counter ({@code filament_attachments_swept_total});
 * a failed pass is logged and retried at the next period.
 */
public final class AttachmentSweepJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentSweepJob.class);

    private final SweepUnboundAttachments sweeper;
    private final LongConsumer swept;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("attachment-sweeper").daemon(true).factory());

    public AttachmentSweepJob(SweepUnboundAttachments sweeper, LongConsumer swept) {
        this.sweeper = Objects.requireNonNull(sweeper, "sweeper");
        this.swept = Objects.requireNonNull(swept, "swept");
    }

    /** First pass after {@code initialDelay}, then every {@code period}. */
    public AttachmentSweepJob start(Duration initialDelay, Duration period) {
        timer.scheduleWithFixedDelay(this::runOnce, initialDelay.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** One pass now, on the calling thread (the timer calls it; tests may too). Never throws. */
    public int runOnce() {
        try {
            return sweeper.sweep(deleted -> {
                LOG.atInfo().addKeyValue("event", "attachment.sweep").addKeyValue("deleted", deleted)
                        .log("swept unbound attachments older than 24 h");
                swept.accept(deleted);
            });
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("event", "attachment.sweep.error").addKeyValue("error", e.getClass().getName())
                    .log("attachment sweep failed; retrying at the next period");
            return 0;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
