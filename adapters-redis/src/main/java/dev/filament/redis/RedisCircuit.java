package dev.filament.redis;

import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SPEC 17.2's circuit: 3 consecutive failures or timeouts open it for 1 s (log {@code redis.circuit}); while open,
 * request-path calls skip Redis; after 1 s one probe is let through and its success closes the circuit (its failure
 * opens it for another second). Thread-safe; never held across a Redis call.
 */
final class RedisCircuit {
    private static final Logger LOG = LoggerFactory.getLogger(RedisCircuit.class);
    static final int THRESHOLD = 3;
    static final long OPEN_NANOS = 1_000_000_000L;

    private final LongSupplier nanos;
    private final Runnable onClosed;
    private int failures;
    private boolean open;
    private boolean probing;
    private long openedAt;

    RedisCircuit(LongSupplier nanos, Runnable onClosed) {
        this.nanos = nanos;
        this.onClosed = onClosed;
    }

    /** Whether a call may go to Redis now; while open only the one probe after 1 s may. */
    synchronized boolean allow() {
        if (!open) {
            return true;
        }
        if (!probing && nanos.getAsLong() - openedAt >= OPEN_NANOS) {
            probing = true;
            return true;
        }
        return false;
    }

    void success() {
        boolean closed;
        synchronized (this) {
            failures = 0;
            closed = open;
            open = false;
            probing = false;
        }
        if (closed) {
            LOG.atInfo().addKeyValue("event", "redis.circuit").addKeyValue("state", "closed").log("redis circuit closed");
            onClosed.run();
        }
    }

    void failure(String cause) {
        boolean opened = false;
        synchronized (this) {
            failures++;
            if (probing || (!open && failures >= THRESHOLD)) {
                opened = !open;
                open = true;
                probing = false;
                openedAt = nanos.getAsLong();
            }
        }
        if (opened) {
            LOG.atWarn().addKeyValue("event", "redis.circuit").addKeyValue("state", "open").addKeyValue("cause", cause)
                    .log("redis circuit open");
        }
    }

    synchronized boolean isOpen() {
        return open;
    }
}
