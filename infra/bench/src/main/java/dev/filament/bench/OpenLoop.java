package dev.filament.bench;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Open-model load driver: operations are scheduled at a fixed rate on a timeline, each runs on its own virtual
 * thread, and each latency is measured from its intended start, so a stalled server cannot hide its queueing delay
 * (no coordinated omission). Bounded in count (rate x duration) and in time (schedule and drain deadlines).
 */
final class OpenLoop {
    /** One operation; returns its outcome label, e.g. the HTTP status {@code "200"}. */
    @FunctionalInterface
    interface Shot {
        String fire(long seq, long intendedNanos) throws Exception;
    }

    private static final long START_DELAY_NANOS = 20_000_000L;

    private final int maxInFlight;
    private final Duration operationTimeout;

    OpenLoop(int maxInFlight, Duration operationTimeout) {
        this.maxInFlight = maxInFlight;
        this.operationTimeout = operationTimeout;
    }

    /** Runs {@code shot} at {@code rate} per second for {@code duration}; {@code ok} is the outcome counted as success. */
    RunResult run(String name, double rate, Duration duration, String ok, Shot shot) throws InterruptedException {
        long count = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        double intervalNanos = 1e9 / rate;
        ConcurrentHistogram latencyMicros = new ConcurrentHistogram(3);
        Outcomes outcomes = new Outcomes();
        Semaphore slots = new Semaphore(maxInFlight);
        AtomicLong lastDone = new AtomicLong();
        LongAdder finished = new LongAdder();
        long start = System.nanoTime() + START_DELAY_NANOS;
        // A scheduler starved for longer than half the run stops early rather than extending the run unbounded.
        long scheduleDeadline = start + duration.toNanos() + duration.toNanos() / 2;
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        long sent = 0;
        for (long i = 0; i < count; i++) {
            long intended = start + (long) (i * intervalNanos);
            sleepUntil(intended);
            if (System.nanoTime() > scheduleDeadline) {
                outcomes.add("not_sent", count - i);
                break;
            }
            long seq = i;
            pool.execute(() -> {
                fireOne(shot, seq, intended, ok, slots, latencyMicros, outcomes);
                lastDone.accumulateAndGet(System.nanoTime(), Math::max);
                finished.increment();
            });
            sent++;
        }
        pool.shutdown();
        if (!pool.awaitTermination(operationTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
            pool.shutdownNow(); // the interrupted ones count as "interrupted"; any still running as "unfinished"
            pool.awaitTermination(2, TimeUnit.SECONDS);
        }
        long unfinished = sent - finished.sum();
        if (unfinished > 0) {
            outcomes.add("unfinished", unfinished);
        }
        // Over at least the scheduled window, so a run that ends early never reports more than its target.
        double seconds = Math.max(duration.toNanos(), lastDone.get() - start) / 1e9;
        return new RunResult(name, rate, outcomes.count(ok) / seconds, latencyMicros, outcomes.without(ok),
                outcomes.count(ok));
    }

    private void fireOne(Shot shot, long seq, long intended, String ok, Semaphore slots,
                         ConcurrentHistogram latencyMicros, Outcomes outcomes) {
        String outcome;
        try {
            if (!slots.tryAcquire(operationTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                outcomes.add("client_backlog", 1);
                return;
            }
            try {
                outcome = shot.fire(seq, intended);
            } finally {
                slots.release();
            }
        } catch (HttpTimeoutException e) {
            outcome = "timeout";
        } catch (IOException e) {
            outcome = "io_error";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        } catch (Exception e) {
            outcome = "client_error";
        }
        if (ok.equals(outcome)) {
            latencyMicros.recordValue(Math.max(0, (System.nanoTime() - intended) / 1_000));
        }
        outcomes.add(outcome, 1);
    }

    static void sleepUntil(long nanoTime) {
        long remaining;
        while ((remaining = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }
}
