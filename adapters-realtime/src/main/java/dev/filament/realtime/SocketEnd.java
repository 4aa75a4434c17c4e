package dev.filament.realtime;

import dev.filament.application.gateway.port.out.GatewaySocket;
import dev.filament.domain.gateway.CloseReason;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The socket side of one connection: its writer thread, the send in flight (for the write watchdog), the abort that
 * frees a blocked writer, and the once-only end (close frame or abort). Thread-safe; never blocks but in
 * {@link #awaitClosed}.
 */
final class SocketEnd {
    private final String name;
    private final GatewaySocket transport;
    private volatile boolean sending;
    private volatile long sendStartedNanos;
    private volatile Thread writer;
    private final AtomicBoolean aborted = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    SocketEnd(String name, GatewaySocket transport) {
        this.name = name;
        this.transport = transport;
    }

    void startWriter(Runnable body) {
        writer = Thread.ofVirtual().name("gateway-writer-" + name).start(body);
    }

    void sendStarted() {
        sendStartedNanos = System.nanoTime();
        sending = true;
    }

    void sendFinished() {
        sending = false;
    }

    /** Nanos since the in-flight send started, or -1 when no send is in flight. */
    long sendAgeNanos(long now) {
        return sending ? now - sendStartedNanos : -1;
    }

    /** Once: the close frame of {@code reason} (unless aborted or it has none), then {@code markClosed}. */
    void finish(CloseReason reason, Runnable markClosed) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!aborted.get() && reason != null && reason.sendsCloseFrame()) {
                transport.close(reason.code(), reason.reason());
            } else if (!aborted.get()) {
                transport.abort();
            }
        } finally {
            markClosed.run();
            closed.countDown();
        }
    }

    /**
     * Drops the socket without a close frame and wakes a writer blocked in a send. The transport is aborted on a
     * fresh virtual thread so a misbehaving transport cannot stall the caller.
     */
    void abort() {
        if (!aborted.compareAndSet(false, true)) {
            return;
        }
        Thread w = writer;
        if (w != null) {
            w.interrupt();
        }
        Thread.ofVirtual().name("gateway-abort-" + name).start(transport::abort);
    }

    boolean aborted() {
        return aborted.get();
    }

    boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
