package dev.filament.filesystem;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes {@code .tmp/*.part} files older than 1 h (SPEC 8.7): once at {@link #start()} and every hour after, on one
 * daemon thread. A write in progress is younger than the upload budget, so it is never touched.
 */
public final class StagingSweeper implements AutoCloseable {
    public static final Duration MAX_AGE = Duration.ofHours(1);
    public static final Duration PERIOD = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(StagingSweeper.class);

    private final StoreRoot root;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("blob-staging-sweeper").daemon(true).factory());

    public StagingSweeper(StoreRoot root, Clock clock) {
        this.root = Objects.requireNonNull(root, "root");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Sweeps now (on the caller's thread, so startup has a clean spool), then every hour. */
    public void start() {
        sweep();
        timer.scheduleAtFixedRate(this::sweep, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pass; returns how many stale files it deleted. Never throws. */
    public int sweep() {
        Instant cutoff = clock.instant().minus(MAX_AGE);
        int deleted = 0;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(root.staging(), "*.part")) {
            for (Path part : parts) {
                if (deleteIfStale(part, cutoff)) {
                    deleted++;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.atWarn().addKeyValue("event", "blob.staging.sweep_failed")
                    .addKeyValue("error", e.getClass().getName()).log("staging sweep failed");
        }
        if (deleted > 0) {
            LOG.atInfo().addKeyValue("event", "blob.staging.swept").addKeyValue("deleted", deleted)
                    .log("deleted {} stale staging files", deleted);
        }
        return deleted;
    }

    private static boolean deleteIfStale(Path part, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(part).toInstant().isBefore(cutoff) && Files.deleteIfExists(part);
        } catch (IOException e) {
            return false; // renamed or removed meanwhile
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
