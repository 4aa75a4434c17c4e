package dev.filament.realtime;

import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.gateway.port.out.GatewayMetrics;
import dev.filament.application.gateway.port.out.PresenceStatus;
import dev.filament.application.wire.EventSerializer;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.ConnectionId;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closing connections (SPEC 9.7.8): mark the connection closing, remove it from the registry first (a resumable close
 * detaches its gateway session instead, SPEC 9.11), then publish the follow-ups (presence offline, last-connection
 * hook) through the normal path. Also discards detached sessions.
 *
 * <p>A follow-up may overflow the dispatch queue and close further connections, whose departures publish again. Those
 * nested departures are queued on a per-thread work list and run iteratively by the outermost call, so a cascade
 * never grows the stack and never re-enters a departure half done.
 */
final class Disconnects implements SessionLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Disconnects.class);

    private final SessionRegistry registry;
    private final GatewayEventPublisher publisher;
    private final GatewayMetrics metrics;
    private final LastConnectionListener listener;
    private final Set<ConnectionSession> live;
    private final EventSerializer serializer;
    private final ThreadLocal<ArrayDeque<ConnectionSession>> pending = new ThreadLocal<>();
    private final DetachedSessions detached;
    private final Map<ConnectionId, ConnectionSession> resuming;
    private volatile boolean resumable = true;

    Disconnects(SessionRegistry registry, GatewayEventPublisher publisher, GatewayMetrics metrics,
            LastConnectionListener listener, Set<ConnectionSession> live, EventSerializer serializer,
            DetachedSessions detached, Map<ConnectionId, ConnectionSession> resuming) {
        this.detached = detached;
        this.resuming = resuming;
        this.registry = registry;
        this.publisher = publisher;
        this.metrics = metrics;
        this.listener = listener;
        this.live = live;
        this.serializer = serializer;
    }

    @Override
    public void close(ConnectionSession session, CloseReason reason) {
        if (!session.beginClose(reason, resumable && reason.resumable())) {
            return;
        }
        metrics.disconnected(reason);
        ArrayDeque<ConnectionSession> work = pending.get();
        if (work != null) {
            work.add(session);
            return;
        }
        work = new ArrayDeque<>();
        work.add(session);
        pending.set(work);
        try {
            for (ConnectionSession next = work.poll(); next != null; next = work.poll()) {
                depart(next);
            }
        } finally {
            pending.remove();
        }
    }

    /**
     * Runs the departure of a closing connection: a resumable close detaches its session (SPEC 9.11), any other
     * removes it. Idempotent, so the dispatcher may run it again for a connection it registered after it closed.
     */
    void depart(ConnectionSession session) {
        Departure departure;
        if (session.detached()) {
            departure = registry.detach(session);
            if (departure == null) {
                return; // not registered (yet): the dispatcher departs it again once it has registered it
            }
            detached.add(session).forEach(this::discard);
        } else {
            departure = registry.unregister(session);
            session.releaseLog();
        }
        for (GuildId guild : departure.wentOffline()) {
            publisher.publish(PresenceStatus.OFFLINE.updateEvent(guild, session.user(), serializer));
        }
        if (departure.lastConnectionOfUser()) {
            try {
                listener.lastConnectionClosed(session.user());
            } catch (RuntimeException e) {
                LOG.atError().setMessage("gateway.last_connection_hook.failed").addKeyValue("user_id", session.user())
                        .setCause(e).log();
            }
        }
    }

    @Override
    public void discard(ConnectionSession session) {
        if (session.discard()) {
            registry.unregister(session);
            detached.remove(session);
        }
    }

    /** Removes a session whose buffer is already released or handed over (a resume's rules 3-5). */
    void forget(ConnectionSession session) {
        registry.unregister(session);
        detached.remove(session);
    }

    /** Discards the sessions detached longer than the time limit. */
    void discardExpired() {
        detached.expired(System.nanoTime()).forEach(this::discard);
    }

    /** Process stop: no close detaches any more, and every detached session is discarded. */
    void stopResuming() {
        resumable = false;
        detached.drain().forEach(this::discard);
    }

    /** A relay gap (SPEC 17.3): every detached session is discarded, none can be resumed without the lost events. */
    void discardDetached() {
        detached.drain().forEach(this::discard);
    }

    @Override
    public void finished(ConnectionSession session) {
        live.remove(session);
        resuming.remove(session.id(), session);
    }
}
