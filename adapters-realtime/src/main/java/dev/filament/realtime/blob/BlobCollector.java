package dev.filament.realtime.blob;

import dev.filament.application.blob.port.out.BlobCollectorQueue;
import dev.filament.application.blob.port.out.BlobGcMetrics;
import dev.filament.application.blob.port.out.BlobGcQueue;
import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.blob.port.out.BlobStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blob collector of SPEC 8.7, one per process: a daemon thread that every 10 s and on {@link #wake()} claims up
 * to 64 due {@code blob_gc} rows (one committed statement, leased for 300 s), deletes their blobs outside any
 * transaction with up to 8 deletes in parallel, then deletes the rows that succeeded; a failed one is due again after
 * min(2^attempts, 3600) s. A full batch is followed at once by the next. Nothing on a request path waits for it:
 * {@link #wake()} releases a single permit and returns. The thread survives every failure but a VM error.
 */
public final class BlobCollector implements BlobCollectorQueue, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlobCollector.class);

    private final BlobGcQueue queue;
    private final BlobStore store;
    private final BlobGcMetrics metrics;
    private final Clock clock;
    private final Settings settings;
    private final Semaphore wakeups = new Semaphore(0);
    private final ExecutorService deletes;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;

    /** Timings and sizes; {@link #defaults()} are the SPEC values. */
    public record Settings(Duration pollInterval, int batch, int parallelDeletes, Duration lease,
                           Duration closeTimeout) {
        public Settings {
            if (batch < 1 || parallelDeletes < 1 || pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("collector settings must be positive");
            }
        }

        /** Poll 10 s, batch 64, 8 deletes in parallel, lease 300 s (SPEC 8.7, 13); close waits 5 s. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(10), 64, 8, Duration.ofSeconds(300), Duration.ofSeconds(5));
        }
    }

    public BlobCollector(BlobGcQueue queue, BlobStore store, BlobGcMetrics metrics, Clock clock, Settings settings) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.store = Objects.requireNonNull(store, "store");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.deletes = Executors.newFixedThreadPool(settings.parallelDeletes(),
                Thread.ofPlatform().name("blob-gc-delete-", 0).daemon(true).factory());
        this.thread = Thread.ofPlatform().name("blob-collector").daemon(true).unstarted(this::loop);
    }

    /** Starts the thread; its first act is a round, so rows left by a crash are picked up. Call once. */
    public void start() {
        thread.start();
    }

    @Override
    public void wake() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    private void loop() {
        try {
            while (running) {
                boolean full = false;
                try {
                    full = round() == settings.batch();
                    if (!full) {
                        metrics.backlog(queue.backlog(clock.instant()).due());
                    }
                } catch (VirtualMachineError e) {
                    throw e;
                } catch (Throwable t) {
                    LOG.atWarn().addKeyValue("event", "blob.gc.error").addKeyValue("error", t.getClass().getName())
                            .log("blob collector round failed; retrying at the next poll");
                }
                if (!full) {
                    awaitWake();
                }
            }
        } finally {
            stopped.countDown();
        }
    }

    /** One round: claim, delete in parallel, record the outcome. Returns how many rows it claimed. */
    int round() {
        List<BlobGcQueue.Claim> claims = queue.claimDue(clock.instant(), settings.batch(), settings.lease());
        if (claims.isEmpty()) {
            return 0;
        }
        List<Future<?>> running = new ArrayList<>(claims.size());
        for (BlobGcQueue.Claim claim : claims) {
            running.add(deletes.submit(() -> store.delete(claim.key())));
        }
        List<BlobKey> deleted = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < claims.size(); i++) {
            BlobGcQueue.Claim claim = claims.get(i);
            if (succeeded(running.get(i), claim)) {
                deleted.add(claim.key());
            } else {
                failed++;
                queue.failed(claim, clock.instant());
            }
        }
        queue.completed(deleted);
        metrics.deletes(deleted.size(), failed);
        long backlog = queue.backlog(clock.instant()).due();
        metrics.backlog(backlog);
        LOG.atInfo().addKeyValue("event", "blob.gc").addKeyValue("deleted", deleted.size())
                .addKeyValue("failed", failed).addKeyValue("backlog", backlog)
                .log("blob collector deleted {} of {} blobs", deleted.size(), claims.size());
        return claims.size();
    }

    private boolean succeeded(Future<?> delete, BlobGcQueue.Claim claim) {
        try {
            delete.get();
            return true;
        } catch (ExecutionException e) {
            LOG.atWarn().addKeyValue("event", "blob.gc.delete_failed").addKeyValue("object_key", claim.key().value())
                    .addKeyValue("attempts", claim.attempts())
                    .addKeyValue("error", e.getCause().getClass().getName())
                    .log("blob delete failed; retried later");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitWake() {
        try {
            if (wakeups.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                wakeups.drainPermits();
            }
        } catch (InterruptedException e) {
            // close() interrupts; the loop condition decides
        }
    }

    /** Stops the loop; a round in progress gets the close timeout, its rows stay leased and are retried later. */
    @Override
    public void close() {
        running = false;
        wakeups.release();
        thread.interrupt();
        try {
            if (thread.isAlive() || thread.getState() != Thread.State.NEW) {
                stopped.await(settings.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deletes.shutdownNow();
    }
}
