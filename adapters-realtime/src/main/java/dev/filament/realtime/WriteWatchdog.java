package dev.filament.realtime;

import dev.filament.domain.gateway.CloseReason;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces the socket write timeout (SPEC 9.3): a send in flight longer than the timeout closes its connection
 * {@code slow_consumer} and aborts the socket, which frees the blocked writer; a closing connection whose writer has
 * not finished within the timeout is aborted too. Runs on its own timer thread, so a stuck socket delays nobody else.
 */
final class WriteWatchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriteWatchdog.class);

    private final Collection<ConnectionSession> live;
    private final SessionLifecycle lifecycle;
    private final long timeoutNanos;
    private final long intervalMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("gateway-write-watchdog").factory());

    WriteWatchdog(GatewayLimits limits, Collection<ConnectionSession> live, SessionLifecycle lifecycle) {
        this.live = live;
        this.lifecycle = lifecycle;
        this.timeoutNanos = limits.writeTimeout().toNanos();
        this.intervalMillis = limits.watchdogInterval().toMillis();
    }

    void start() {
        timer.scheduleWithFixedDelay(this::sweep, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    void sweep() {
        long now = System.nanoTime();
        for (ConnectionSession session : live) {
            try {
                check(session, now);
            } catch (RuntimeException e) {
                LOG.atError().setMessage("gateway.watchdog.failed").addKeyValue("connection_id", session.id())
                        .setCause(e).log();
            }
        }
    }

    private void check(ConnectionSession session, long now) {
        switch (session.state()) {
            case OPEN -> {
                if (session.sendAgeNanos(now) > timeoutNanos) {
                    lifecycle.close(session, CloseReason.SLOW_CONSUMER);
                    session.abort();
                }
            }
            case CLOSING -> {
                if (now - session.closeRequestedNanos() > timeoutNanos) {
                    session.abort();
                }
            }
            case CLOSED -> { }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
