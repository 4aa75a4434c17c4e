package dev.filament.realtime;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.gateway.port.out.GatewayMetrics;
import dev.filament.application.gateway.port.out.GatewaySubscriptions;
import dev.filament.application.gateway.port.out.ObserverDirectory;
import dev.filament.application.gateway.port.out.GatewayRelay;
import dev.filament.application.gateway.port.out.PresenceLedger;
import dev.filament.application.gateway.port.out.RelayedDelivery;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.application.wire.EventSerializer;
import dev.filament.application.gateway.port.in.GatewayCaller;
import dev.filament.application.gateway.port.out.GatewayConnections;
import dev.filament.application.gateway.port.out.GatewayConnections.SubscribeOutcome;
import dev.filament.application.gateway.port.out.GatewaySocket;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import dev.filament.application.gateway.port.out.ResumeRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process realtime gateway behind {@link GatewayEventPublisher} (and {@link GatewaySubscriptions}): registry, dispatcher, per-connection writers
 * and the write watchdog, plus the connection lifecycle the transport binding drives (connect, subscribe,
 * disconnect). Publishing is a lock-free offer to the dispatch queue: it cannot wait on any connection or on the
 * dispatcher, by construction.
 */
public final class GatewayFanout implements GatewayEventPublisher, GatewayConnections, GatewaySubscriptions,
        RelayedDelivery, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayFanout.class);

    private final GatewayLimits limits;
    private final GatewayMetrics metrics;
    private final SessionRegistry registry;
    private final Set<ConnectionSession> live = ConcurrentHashMap.newKeySet();
    private final Disconnects disconnects;
    private final Dispatcher dispatcher;
    private final WriteWatchdog watchdog;
    private final ObserverAudienceResolver observers;
    private final ResumeLimits resumeLimits;
    private final Resumes resumes;
    private final Map<ConnectionId, ConnectionSession> resuming = new ConcurrentHashMap<>();
    private final LongAdder replayBytes = new LongAdder();
    private final PresenceGate presence = new PresenceGate();

    public GatewayFanout(GatewayLimits limits, GatewayMetrics metrics, LastConnectionListener listener,
                         EventSerializer serializer) {
        this(limits, ResumeLimits.defaults(), metrics, listener, serializer);
    }

    public GatewayFanout(GatewayLimits limits, ResumeLimits resumeLimits, GatewayMetrics metrics,
                         LastConnectionListener listener, EventSerializer serializer) {
        this.limits = limits;
        this.resumeLimits = resumeLimits;
        this.metrics = metrics;
        this.registry = new SessionRegistry(limits.maxSubscriptions());
        this.disconnects = new Disconnects(registry, this, metrics, listener, live, serializer,
                new DetachedSessions(resumeLimits), resuming);
        this.dispatcher = new Dispatcher(limits, registry, metrics, disconnects, serializer);
        dispatcher.presenceThrough(this::publish);
        this.resumes = new Resumes(registry, disconnects, this, metrics, serializer, resumeLimits, replayBytes,
                resuming);
        long successorTtl = resumeLimits.detachedTtl().toNanos();
        dispatcher.resumeHandling(resumes, () -> {
            disconnects.discardExpired();
            registry.forgetSuccessors(successorTtl);
        });
        this.watchdog = new WriteWatchdog(limits, live, disconnects);
        this.observers = new ObserverAudienceResolver(registry::connectedUsers,
                event -> handOff(new Dispatch.Publish(event)), metrics);
        metrics.bindConnections(registry::connectionCount);
        metrics.bindDetachedSessions(registry::detachedCount);
        metrics.bindReplayBufferBytes(replayBytes::sum);
    }

    /** SPEC 17.3: hands each local event and drop to {@code relay} as the dispatcher takes it. Before {@link #start}. */
    public void relayTo(GatewayRelay relay) {
        dispatcher.relayTo(relay);
    }

    /** SPEC 17.6: presence transitions go through {@code ledger} (shared by the nodes). */
    public void presenceLedger(PresenceLedger ledger) {
        presence.use(ledger);
    }

    /** Publishes an event the presence ledger already decided on (a dead node's offline, a re-apply). */
    public void publishConfirmed(GatewayEvent event) {
        handOff(new Dispatch.Publish(event));
    }

    /** Starts the dispatcher loop and the write watchdog. Until then events queue up (and overflow) undispatched. */
    public void start() {
        observers.start();
        dispatcher.start();
        watchdog.start();
    }

    /**
     * Resolves {@code observers(U)} events against {@code directory} from now on; until called, such an event reaches
     * only U's own connections.
     */
    public void resolveObserversWith(ObserverDirectory directory) {
        observers.use(directory);
    }

    /**
     * Registers an upgraded connection: queues {@code ready} as its frame 1 before the dispatcher can see it, then
     * starts its writer.
     */
    public ConnectionSession connect(ConnectionId id, UserId user, SessionId session, GatewaySocket transport) {
        ConnectionSession connection = new ConnectionSession(id, user, session, transport, limits, metrics,
                resumes.newLog(), resumeLimits.maxFrameBytes());
        resumes.ready(connection);
        registry.register(connection);
        live.add(connection);
        connection.startWriter(disconnects);
        LOG.atInfo().setMessage("gateway.connect").addKeyValue("connection_id", id).addKeyValue("user_id", user).log();
        return connection;
    }

    /**
     * Registers an upgraded connection that asked to resume (SPEC 9.11): its writer starts at once, and the dispatcher
     * answers the request in order with the events (the replay and {@code resumed}, or {@code invalid_session} and
     * {@code ready}) before the connection can receive anything else.
     */
    public ConnectionSession resume(ConnectionId id, UserId user, SessionId session, GatewaySocket transport,
            String resumeKey, long resumeSeq) {
        ConnectionSession connection = new ConnectionSession(id, user, session, transport, limits, metrics, null,
                resumeLimits.maxFrameBytes());
        resuming.put(id, connection);
        live.add(connection);
        connection.startWriter(disconnects);
        LOG.atInfo().setMessage("gateway.connect").addKeyValue("connection_id", id).addKeyValue("user_id", user).log();
        handOff(new Dispatch.Resume(connection, resumeKey, resumeSeq));
        return connection;
    }

    @Override
    public void resume(GatewayCaller caller, Instant tokenExpiresAt, GatewaySocket socket, ResumeRequest request) {
        resume(caller.connection(), caller.user(), caller.session(), socket, request.resumeKey(), request.resumeSeq());
    }

    /** Closes a connection (peer closed, protocol error, heartbeat, revocation found by the connection itself). */
    @Override
    public void disconnect(ConnectionId id, CloseReason reason) {
        registry.connection(id).or(() -> Optional.ofNullable(resuming.get(id)))
                .ifPresent(s -> disconnects.close(s, reason));
    }

    /** Adds a subscription; the caller publishes {@code presence_update online} when the result says so. */
    @Override
    public SubscribeOutcome subscribe(ConnectionId id, GuildId guild, ChannelId channel, long dropFence) {
        return registry.subscribe(id, guild, channel, dropFence);
    }

    /** Adds a subscription without a drop fence: for callers that checked no access (tests, tooling). */
    public SubscribeOutcome subscribe(ConnectionId id, GuildId guild, ChannelId channel) {
        return registry.subscribe(id, guild, channel);
    }

    @Override
    public long dropFence(UserId user, GuildId guild) {
        return registry.dropFence(user, guild);
    }

    /** The port's connect: the realtime core does not need the token expiry (the binding closes at {@code exp}). */
    @Override
    public void connect(GatewayCaller caller, Instant tokenExpiresAt, GatewaySocket socket) {
        connect(caller.connection(), caller.user(), caller.session(), socket);
    }

    @Override
    public List<UserId> onlineUsers(GuildId guild) {
        return presence.ledger().online(guild, registry.presenceSnapshot(guild));
    }

    public SessionRegistry registry() {
        return registry;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    @Override
    public void publish(GatewayEvent event) {
        if (event.scope() instanceof GatewayEvent.Scope.Observers) {
            // SPEC 17.3: relayed as observers(U) when published, before (and never waiting for) local resolution
            dispatcher.relayObservers(event);
            observers.offer(event);
            return;
        }
        presence.publish(event, e -> handOff(new Dispatch.Publish(e)));
    }

    @Override
    public void deliver(GatewayEvent event) {
        if (event.scope() instanceof GatewayEvent.Scope.Observers) {
            observers.offer(event); // a remote observers(U) event: resolved against this node's connections
            return;
        }
        handOff(new Dispatch.Remote(new Dispatch.Publish(event)));
    }

    @Override
    public void drop(UserId user, GuildId guild, UnsubscribeReason reason) {
        registry.fenceDrop(user, guild);
        handOff(new Dispatch.Remote(new Dispatch.DropSubscriptions(user, guild, reason)));
    }

    @Override
    public void closeAll(CloseReason reason) {
        handOff(new Dispatch.Run("close_all", () -> {
            List.copyOf(live).forEach(session -> disconnects.close(session, reason));
            disconnects.discardDetached();
        }));
    }

    @Override
    public void dropSubscriptions(UserId user, GuildId guild, UnsubscribeReason reason) {
        registry.fenceDrop(user, guild); // before the hand-off: a subscribe checked earlier is refused or dropped
        handOff(new Dispatch.DropSubscriptions(user, guild, reason));
    }

    @Override
    public List<Subscription> subscriptionsIn(GuildId guild) {
        return registry.subscriptionsIn(guild);
    }

    @Override
    public void dropSubscription(ConnectionId connection, GuildId guild, ChannelId channel, UnsubscribeReason reason) {
        handOff(new Dispatch.DropSubscription(connection, guild, channel, reason));
    }

    @Override
    public void closeSession(SessionId session, CloseReason reason) {
        handOff(new Dispatch.CloseSession(session, reason));
    }

    // The port promises never to throw to a request that has already committed (SPEC 1.11 W3).
    private void handOff(Dispatch item) {
        try {
            dispatcher.dispatch(item);
        } catch (RuntimeException e) {
            LOG.atError().setMessage("gateway.publish.failed").addKeyValue("event_type", item.typeLabel())
                    .addKeyValue("scope", item.scopeLabel()).setCause(e).log();
        }
    }

    /**
     * Server shutdown: closes every connection with 1001 {@code server_shutdown} and waits, at most {@code flush} in
     * all, until their writers have sent the close frames; then stops like {@link #close()}.
     */
    public void shutdown(java.time.Duration flush) {
        long deadline = System.nanoTime() + flush.toNanos();
        disconnects.stopResuming();
        List<ConnectionSession> sessions = List.copyOf(live);
        sessions.forEach(session -> disconnects.close(session, CloseReason.SERVER_SHUTDOWN));
        for (ConnectionSession session : sessions) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !session.awaitClosed(java.time.Duration.ofNanos(left))) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
    }

    /** Stops dispatching and closes every connection {@code server_shutdown}. */
    @Override
    public void close() {
        observers.close();
        disconnects.stopResuming();
        dispatcher.stop();
        for (ConnectionSession session : List.copyOf(live)) {
            disconnects.close(session, CloseReason.SERVER_SHUTDOWN);
        }
        watchdog.close();
    }
}
