package dev.filament.s3;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes spool files older than 1 h (SPEC 17.7): once at {@link #start()} on the caller's thread, then every hour
 * on one daemon thread. A write in progress is younger than its upload budget plus the 60 s PUT, so it is never hit.
 */
public final class SpoolSweeper implements AutoCloseable {
    public static final Duration MAX_AGE = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(SpoolSweeper.class);

    private final Spool spool;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("s3-spool-sweeper").daemon(true).factory());

    public SpoolSweeper(Spool spool, Clock clock) {
        this.spool = Objects.requireNonNull(spool, "spool");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void start() {
        sweep();
        long hour = MAX_AGE.toMillis();
        timer.scheduleAtFixedRate(this::sweep, hour, hour, TimeUnit.MILLISECONDS);
    }

    /** One pass; returns how many stale spool files it deleted. Never throws. */
    public int sweep() {
        try {
            int deleted = spool.deleteOlderThan(clock.instant().minus(MAX_AGE));
            if (deleted > 0) {
                LOG.atInfo().addKeyValue("event", "blob.spool.swept").addKeyValue("deleted", deleted)
                        .log("deleted {} stale spool files", deleted);
            }
            return deleted;
        } catch (IOException | RuntimeException e) {
            LOG.atWarn().addKeyValue("event", "blob.spool.sweep_failed").addKeyValue("error", e.getClass().getName())
                    .log("spool sweep failed");
            return 0;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
