package dev.filament.realtime;

import dev.filament.application.gateway.port.out.GatewayMetrics;
import dev.filament.application.gateway.port.out.GatewaySocket;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.DropReason;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One gateway connection: identity, a bounded outbound queue (events and bytes) with the connection's sequence
 * counter, and the state machine open -> closing -> closed. Its writer thread drains the queue into the transport.
 *
 * <p>The queue lock guards O(1) work only and is never held across a wait or a socket call: producers never wait for
 * space (a full queue answers {@link Offer#OVERFLOW}), and the writer's wait for frames releases it.
 */
public final class ConnectionSession {
    /** Lifecycle of a connection. */
    public enum State { OPEN, CLOSING, CLOSED }

    /** Outcome of offering a frame. */
    public enum Offer { QUEUED, OVERFLOW, CLOSED }

    private final ConnectionId id;
    private final UserId user;
    private final SessionId session;
    private final GatewaySocket transport;
    private final GatewayLimits limits;
    private final GatewayMetrics metrics;
    private final long openedNanos = System.nanoTime();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<OutboundFrame> queue = new ArrayDeque<>();
    private long queuedBytes;
    private long lastSequence;

    private volatile State state = State.OPEN;
    private volatile CloseReason closeReason;
    private volatile long closeRequestedNanos;
    private volatile boolean sending;
    private volatile long sendStartedNanos;
    private volatile Thread writer;
    private final AtomicBoolean aborted = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    ConnectionSession(ConnectionId id, UserId user, SessionId session, GatewaySocket transport,
            GatewayLimits limits, GatewayMetrics metrics) {
        this.id = Objects.requireNonNull(id, "id");
        this.user = Objects.requireNonNull(user, "user");
        this.session = Objects.requireNonNull(session, "session");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.limits = limits;
        this.metrics = metrics;
    }

    /**
     * Queues one frame with the next sequence number unless the connection is closing or the frame would take the
     * queue past its event or byte bound (a frame larger than the byte bound still fits an empty queue: events have no
     * size cap of their own). Never waits.
     */
    Offer offer(String type, String scope, String payloadJson, int bytes) {
        int depth;
        lock.lock();
        try {
            if (state != State.OPEN) {
                return Offer.CLOSED;
            }
            boolean full = queue.size() >= limits.outboundMaxEvents()
                    || (!queue.isEmpty() && queuedBytes + bytes > limits.outboundMaxBytes());
            if (full) {
                return Offer.OVERFLOW;
            }
            queue.add(new OutboundFrame(++lastSequence, type, scope, payloadJson, bytes));
            queuedBytes += bytes;
            depth = queue.size();
            changed.signal();
        } finally {
            lock.unlock();
        }
        metrics.outboundQueueDepth(depth);
        return Offer.QUEUED;
    }

    /**
     * Moves to closing with {@code reason}; false when already closing. Frames already queued are still sent before
     * the close frame when the reason is an orderly one (revocation, shutdown, protocol error); they are discarded
     * when the peer cannot or will not read them. Either way the writer is done within the write timeout, or the
     * watchdog aborts it. Never waits.
     */
    boolean beginClose(CloseReason reason) {
        List<OutboundFrame> discarded = List.of();
        lock.lock();
        try {
            if (state != State.OPEN) {
                return false;
            }
            closeReason = reason;
            closeRequestedNanos = System.nanoTime();
            state = State.CLOSING;
            if (!flushesQueue(reason)) {
                discarded = List.copyOf(queue);
                queue.clear();
                queuedBytes = 0;
            }
            changed.signal();
        } finally {
            lock.unlock();
        }
        discarded.forEach(f -> metrics.eventDropped(f.scope(), f.type(), DropReason.CLOSED));
        return true;
    }

    /** Writer side: the next frame to send, or null once closing with nothing left to flush. Marks it in flight. */
    OutboundFrame awaitNext() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (state == State.OPEN && queue.isEmpty()) {
                changed.await();
            }
            // while closing, only the frames kept for an orderly close remain; beginClose emptied the others
            OutboundFrame frame = queue.poll();
            if (frame == null) {
                return null;
            }
            queuedBytes -= frame.bytes();
            sendStartedNanos = System.nanoTime();
            sending = true;
            return frame;
        } finally {
            lock.unlock();
        }
    }

    private static boolean flushesQueue(CloseReason reason) {
        return switch (reason) {
            case SLOW_CONSUMER, SERVER_OVERLOADED, HEARTBEAT_TIMEOUT, INTERNAL_ERROR, CLIENT_CLOSE -> false;
            default -> true;
        };
    }

    void sendFinished() {
        sending = false;
    }

    /** Writer side, once at exit: the close frame (unless aborted or the reason has none), then closed. */
    void finishClose() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        CloseReason reason = closeReason;
        try {
            if (!aborted.get() && reason != null && reason.sendsCloseFrame()) {
                transport.close(reason.code(), reason.reason());
            } else if (!aborted.get()) {
                transport.abort();
            }
        } finally {
            state = State.CLOSED;
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
        Thread.ofVirtual().name("gateway-abort-" + id).start(transport::abort);
    }

    void startWriter(SessionLifecycle lifecycle) {
        writer = Thread.ofVirtual().name("gateway-writer-" + id).start(new SessionWriter(this, transport, lifecycle));
    }

    /** Nanos since the in-flight send started, or -1 when no send is in flight. */
    long sendAgeNanos(long now) {
        return sending ? now - sendStartedNanos : -1;
    }

    long closeRequestedNanos() {
        return closeRequestedNanos;
    }

    /** Waits until the writer has finished (close frame sent or socket aborted). */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public ConnectionId id() {
        return id;
    }

    public UserId user() {
        return user;
    }

    public SessionId session() {
        return session;
    }

    public State state() {
        return state;
    }

    /** The reason the connection was closed with; null while open. */
    public CloseReason closeReason() {
        return closeReason;
    }

    public boolean aborted() {
        return aborted.get();
    }

    Duration age() {
        return Duration.ofNanos(System.nanoTime() - openedNanos);
    }

    int queuedEvents() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    long queuedBytes() {
        lock.lock();
        try {
            return queuedBytes;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "ConnectionSession[" + id + ", user=" + user + ", " + state + "]";
    }
}
