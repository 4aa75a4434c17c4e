package dev.filament.realtime.voice;

import dev.filament.application.voice.service.LiveKitSync;
import dev.filament.domain.voice.VoiceLimits;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background worker running the LiveKit sync loop (SPEC 11.5) every 15 s on its own daemon thread, one pass at a time
 * (a slow pass delays the next one, never overlaps it). Started only when LiveKit is configured.
 */
public final class LiveKitSyncWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveKitSyncWorker.class);

    private final LiveKitSync sync;
    private final Duration interval;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "voice-livekit-sync");
        t.setDaemon(true);
        return t;
    });

    public LiveKitSyncWorker(LiveKitSync sync, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.sync = sync;
        this.interval = interval;
    }

    public LiveKitSyncWorker(LiveKitSync sync) {
        this(sync, VoiceLimits.SYNC_INTERVAL);
    }

    /** Schedules the passes: the first one {@code interval} from now. */
    public void start() {
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::pass, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void pass() {
        try {
            sync.runOnce();
        } catch (RuntimeException e) {
            // a throwing pass would cancel every later one
            LOG.atError().setMessage("voice.livekit.sync.failed").setCause(e).log();
        }
    }

    /** Stops the schedule and interrupts a running pass; waits at most 5 s for it. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(VoiceLimits.LIVEKIT_CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
