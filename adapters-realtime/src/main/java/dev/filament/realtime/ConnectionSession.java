package dev.filament.realtime;

import dev.filament.application.gateway.port.out.GatewayMetrics;
import dev.filament.application.gateway.port.out.GatewaySocket;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.DropReason;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

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

    /**
     * Outcome of offering a frame: queued to the socket; buffered only (the session is detached, SPEC 9.11); refused
     * because the queue is full, the frame is over the cap (SPEC 9.3) or the connection is closed; or refused because
     * a detached session's buffer would evict a frame queued after the detach (the session must be discarded).
     */
    public enum Offer { QUEUED, BUFFERED, OVERFLOW, OVERSIZED, CLOSED, DISCARD }

    private final ConnectionId id;
    private final UserId user;
    private final SessionId session;
    private final GatewaySocket transport;
    private final GatewayLimits limits;
    private final GatewayMetrics metrics;
    private final long openedNanos = System.nanoTime();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final OutboundQueue queue = new OutboundQueue();
    private final int maxFrameBytes;
    private ReplayLog log; // null only while a resuming connection waits for the dispatcher to hand it one
    private volatile String resumeKey;

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
        this(id, user, session, transport, limits, metrics,
                new ReplayLog(ResumeLimits.defaults(), new java.util.concurrent.atomic.LongAdder(), ResumeKeys.newKey()),
                ResumeLimits.defaults().maxFrameBytes());
    }

    /** {@code log} is the new session's, or null for a resuming connection ({@link #adopt} hands it one). */
    ConnectionSession(ConnectionId id, UserId user, SessionId session, GatewaySocket transport,
            GatewayLimits limits, GatewayMetrics metrics, ReplayLog log, int maxFrameBytes) {
        this.log = log;
        this.resumeKey = log == null ? null : log.resumeKey();
        this.maxFrameBytes = maxFrameBytes;
        this.id = Objects.requireNonNull(id, "id");
        this.user = Objects.requireNonNull(user, "user");
        this.session = Objects.requireNonNull(session, "session");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.limits = limits;
        this.metrics = metrics;
    }

    /**
     * Queues one frame with the next sequence number of the gateway session (and keeps it in the replay buffer) unless
     * the connection is closing, the frame is over the frame cap, or it would take the queue past its event or byte
     * bound (replayed frames still queued after a resume do not count). A frame larger than the byte bound still fits
     * an empty queue. A detached session only buffers the frame. Never waits.
     */
    Offer offer(String type, String scope, String payloadJson, int bytes) {
        int depth;
        lock.lock();
        try {
            boolean detached = log != null && log.detached();
            if (log == null || (state != State.OPEN && !detached)) {
                return Offer.CLOSED;
            }
            long sequence = log.nextSequence();
            if (OutboundFrame.exactSize(bytes, sequence) > maxFrameBytes) {
                return Offer.OVERSIZED;
            }
            OutboundFrame frame = new OutboundFrame(sequence, type, scope, payloadJson, bytes);
            if (detached) {
                return log.append(frame) ? Offer.BUFFERED : Offer.DISCARD;
            }
            if (!queue.fits(limits.outboundMaxEvents(), limits.outboundMaxBytes(), bytes)) {
                return Offer.OVERFLOW;
            }
            log.append(frame);
            queue.add(frame);
            depth = queue.size();
            changed.signal();
        } finally {
            lock.unlock();
        }
        metrics.outboundQueueDepth(depth);
        return Offer.QUEUED;
    }

    /**
     * Dispatcher side, before the connection is registered: takes over the gateway session's {@code log} (a new one,
     * or the one a resume handed over) and queues {@code replay}, frames the log already holds with their original
     * {@code s}. False, and the log is released, when the connection closed before it got it.
     */
    boolean adopt(ReplayLog adopted, List<OutboundFrame> replay) {
        return locked(() -> {
            if (state != State.OPEN) {
                adopted.release();
                return false;
            }
            log = adopted;
            resumeKey = adopted.resumeKey();
            queue.addReplay(replay);
            changed.signal();
            return true;
        });
    }

    /**
     * A resume (SPEC 9.11 rules 3-5) asks this detached session for its frames after {@code resumeSeq}; on success its
     * log moves to the caller under {@code newKey} and this connection keeps nothing. {@code UNKNOWN} when it is no
     * longer detached (discarded or taken over meanwhile).
     */
    Handover handOver(long resumeSeq, String newKey) {
        return locked(() -> {
            if (log == null || !log.detached()) {
                return Handover.refused(Handover.Outcome.UNKNOWN);
            }
            Handover handover = log.handOver(resumeSeq, newKey);
            if (handover.outcome() == Handover.Outcome.RESUMED) {
                log = null;
            }
            return handover;
        });
    }

    /** Ends a detached session: it stops buffering and its buffer is released. False when it was not detached. */
    boolean discard() {
        return locked(() -> log != null && log.detached() && log.release());
    }

    /** Releases the buffer of a connection leaving without a detach (no-op for a detached or handed-over session). */
    void releaseLog() {
        locked(() -> log != null && !log.detached() && log.release());
    }

    /** Whether the session is detached: closed, still buffering, waiting for a resume. */
    boolean detached() {
        return locked(() -> log != null && log.detached());
    }

    /** The resume key of the session this connection carries; null while a resume is pending. Never logged. */
    String resumeKey() {
        return resumeKey;
    }

    /** The last {@code s} queued or buffered; 0 while a resume is pending. */
    long lastSequence() {
        return locked(() -> log == null ? 0 : log.lastSequence());
    }

    // O(1) work under the queue lock
    private <T> T locked(Supplier<T> body) {
        lock.lock();
        try {
            return body.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves to closing with {@code reason}; false when already closing. Frames already queued are still sent before
     * the close frame when the reason is an orderly one (revocation, shutdown, protocol error); they are discarded
     * when the peer cannot or will not read them. Either way the writer is done within the write timeout, or the
     * watchdog aborts it. Never waits.
     */
    boolean beginClose(CloseReason reason) {
        return beginClose(reason, false);
    }

    /**
     * As {@link #beginClose(CloseReason)}; with {@code detach} the gateway session survives the connection: from the
     * same atomic step on, frames go to its replay buffer only (SPEC 9.11).
     */
    boolean beginClose(CloseReason reason, boolean detach) {
        List<OutboundFrame> discarded = List.of();
        lock.lock();
        try {
            if (state != State.OPEN) {
                return false;
            }
            if (detach && log != null) {
                log.detach();
            }
            closeReason = reason;
            closeRequestedNanos = System.nanoTime();
            state = State.CLOSING;
            if (!flushesQueue(reason)) {
                discarded = queue.clear();
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
            sendStartedNanos = System.nanoTime();
            sending = true;
            return frame;
        } finally {
            lock.unlock();
        }
    }

    private static boolean flushesQueue(CloseReason reason) {
        return switch (reason) {
            case SLOW_CONSUMER, SERVER_OVERLOADED, HEARTBEAT_TIMEOUT, INTERNAL_ERROR, CLIENT_CLOSE, CONNECTION_LOST -> false;
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
        return locked(queue::size);
    }

    long queuedBytes() {
        return locked(queue::bytes);
    }

    @Override
    public String toString() {
        return "ConnectionSession[" + id + ", user=" + user + ", " + state + "]";
    }
}
