package dev.filament.realtime.search;

import dev.filament.application.search.port.out.BatchResult;
import dev.filament.application.search.port.out.SearchBacklog;
import dev.filament.application.search.port.out.SearchIndexQueue;
import dev.filament.application.search.port.out.SearchIndexStore;
import dev.filament.application.search.port.out.SearchMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search indexer (SPEC 10.2): one daemon thread that drains due outbox work through the {@link SearchIndexStore}
 * until none is due, then waits for a {@link #wake()} or the poll interval (1 s), so a lost wake costs at most that.
 * It drains at start, so a backlog left by a crash is picked up. A failed batch is logged, counted and retried after
 * a short pause (its rows carry their own backoff in the store); the thread survives every failure but a VM error.
 * {@link #wake()} is the request path's {@link SearchIndexQueue}: a single-permit semaphore release that never blocks.
 */
public final class SearchIndexer implements SearchIndexQueue, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);

    private final SearchIndexStore store;
    private final SearchMetrics metrics;
    private final Clock clock;
    private final Settings settings;
    private final BatchLog batchLog;
    private final Semaphore wakeups = new Semaphore(0);
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    /** Clock millis of the last loop tick; {@link Long#MIN_VALUE} before the first. */
    private volatile long heartbeatMillis = Long.MIN_VALUE;
    private long lastBacklogObservation = Long.MIN_VALUE;

    /** Timings of the loop; {@link #defaults()} are the SPEC values. */
    public record Settings(Duration pollInterval, Duration failurePause, Duration maxFailurePause,
                           Duration backlogObservationInterval, Duration closeTimeout) {
        public Settings {
            for (Duration d : new Duration[] {pollInterval, failurePause, maxFailurePause,
                    backlogObservationInterval, closeTimeout}) {
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("every indexer timing must be positive");
                }
            }
        }

        /** Poll 1 s (SPEC 10.2.2); pause 1 s doubling to 5 s after failures; backlog gauges every 5 s; close 5 s. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5),
                    Duration.ofSeconds(5), Duration.ofSeconds(5));
        }
    }

    public SearchIndexer(SearchIndexStore store, SearchMetrics metrics, Clock clock) {
        this(store, metrics, clock, Settings.defaults());
    }

    public SearchIndexer(SearchIndexStore store, SearchMetrics metrics, Clock clock, Settings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.batchLog = new BatchLog(metrics);
        this.thread = Thread.ofPlatform().name("search-indexer").daemon(true).unstarted(this::loop);
    }

    /** Starts the thread; its first act is to drain whatever backlog is waiting. Call once. */
    public void start() {
        heartbeatMillis = clock.millis(); // starting counts as the first sign of life; a loop that never ticks ages
        thread.start();
    }

    @Override
    public void wake() {
        // single permit: concurrent callers may rarely add a second one, which costs one extra empty drain
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    /** Milliseconds since the loop last ticked (or was started) by the injected clock; -1 before start. */
    public long heartbeatAgeMillis() {
        long last = heartbeatMillis;
        return last == Long.MIN_VALUE ? -1 : Math.max(0, clock.millis() - last);
    }

    /**
     * Stops the loop and waits for the thread at most the close timeout. A thread stuck in the database is left
     * behind (it is a daemon; its transaction ends at the statement or lock bound and rolls back or commits, both
     * safe because the outbox is durable).
     */
    @Override
    public void close() {
        running = false;
        closing.countDown();
        wakeups.release();
        thread.interrupt();
        try {
            thread.join(settings.closeTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.atWarn().addKeyValue("event", "search.indexer.stop_timeout")
                    .addKeyValue("timeout_ms", settings.closeTimeout().toMillis())
                    .log("search indexer still inside a batch at close; left to finish on its own");
        }
    }

    private void loop() {
        int consecutiveFailures = 0;
        while (running) {
            tick();
            try {
                // idle cost: one cheap query per poll, the backlog read when it is due, else the due probe
                boolean empty = observeBacklog().map(b -> b.rows() == 0).orElse(false);
                consecutiveFailures = empty || drain() ? 0 : consecutiveFailures + 1;
            } catch (VirtualMachineError e) {
                throw e; // out of memory or stack: nothing sane is left to do on this thread
            } catch (Throwable t) {
                consecutiveFailures++;
                LOG.atInfo().addKeyValue("event", "search.indexer.error")
                        .addKeyValue("error", t.getClass().getName())
                        .log("search indexer loop failed; continuing");
            }
            if (consecutiveFailures > 0) {
                pauseAfterFailure(consecutiveFailures);
            } else {
                awaitWake();
            }
        }
    }

    /**
     * Runs batches of what the store reports due until none is left; false when one failed. Upserts continue while a
     * batch comes back full (rows enqueued meanwhile bring their own wake); rebuild steps until the rebuild is idle.
     */
    private boolean drain() {
        SearchIndexStore.DueWork due = store.due();
        boolean upserts = due.upserts();
        boolean rebuilds = due.rebuilds();
        while (running && (upserts || rebuilds)) {
            if (upserts) {
                BatchResult r = batchLog.run("upsert", store::indexDueUpserts);
                tick();
                if (r instanceof BatchResult.Failed) {
                    return false;
                }
                upserts = r instanceof BatchResult.Indexed && r.rows() >= SearchIndexStore.UPSERT_BATCH;
            }
            if (rebuilds) {
                BatchResult r = batchLog.run("rebuild", store::rebuildNextBatch);
                tick();
                if (r instanceof BatchResult.Failed) {
                    return false;
                }
                rebuilds = r instanceof BatchResult.Indexed;
            }
        }
        return true;
    }

    /** Reads and reports the backlog every observation interval; empty when it was not read this time. */
    private Optional<SearchBacklog> observeBacklog() {
        long now = clock.millis();
        if (lastBacklogObservation != Long.MIN_VALUE
                && now - lastBacklogObservation < settings.backlogObservationInterval().toMillis()) {
            return Optional.empty();
        }
        lastBacklogObservation = now;
        SearchBacklog backlog = store.backlog();
        metrics.backlogObserved(backlog.rows(), backlog.oldestAgeSeconds(clock.instant()));
        return Optional.of(backlog);
    }

    private void awaitWake() {
        try {
            if (wakeups.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                wakeups.drainPermits(); // wakes that arrived meanwhile are served by the coming drain
            }
        } catch (InterruptedException e) {
            // close() interrupts; otherwise an interrupt only shortens this wait
        }
    }

    private void pauseAfterFailure(int consecutiveFailures) {
        long pause = Math.min(settings.maxFailurePause().toMillis(),
                settings.failurePause().toMillis() << Math.min(consecutiveFailures - 1, 16));
        try {
            closing.await(pause, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // close() interrupts; the loop condition decides
        }
    }

    private void tick() {
        heartbeatMillis = clock.millis();
    }
}
