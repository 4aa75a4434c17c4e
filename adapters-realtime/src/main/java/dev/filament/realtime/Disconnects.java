package dev.filament.realtime;

import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.gateway.port.out.GatewayMetrics;
import dev.filament.application.gateway.port.out.PresenceStatus;
import dev.filament.application.wire.EventSerializer;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.id.GuildId;
import java.util.ArrayDeque;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closing connections (SPEC 9.7.8): mark the connection closing, remove it from the registry first, then publish the
 * follow-ups (presence offline, last-connection hook) through the normal path.
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

    Disconnects(SessionRegistry registry, GatewayEventPublisher publisher, GatewayMetrics metrics,
            LastConnectionListener listener, Set<ConnectionSession> live, EventSerializer serializer) {
        this.registry = registry;
        this.publisher = publisher;
        this.metrics = metrics;
        this.listener = listener;
        this.live = live;
        this.serializer = serializer;
    }

    @Override
    public void close(ConnectionSession session, CloseReason reason) {
        if (!session.beginClose(reason)) {
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

    private void depart(ConnectionSession session) {
        Departure departure = registry.unregister(session);
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
    public void finished(ConnectionSession session) {
        live.remove(session);
    }
}
