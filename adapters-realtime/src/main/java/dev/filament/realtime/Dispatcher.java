package dev.filament.realtime;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.gateway.port.out.GatewayMetrics;
import dev.filament.application.gateway.port.out.GatewayRelay;
import dev.filament.application.gateway.port.out.PresenceStatus;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.application.wire.ConnectionEvent;
import dev.filament.application.wire.EventSerializer;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.DropReason;
import dev.filament.domain.id.GuildId;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single dispatcher loop of SPEC 9.7: takes events and commands from one bounded queue in order, resolves their
 * targets from the registry and offers each connection a frame. It never sends on a socket and never waits on a
 * connection; a connection whose queue is full is closed {@code slow_consumer}.
 *
 * <p>It ticks at least every tick interval even when idle; readiness reads the heartbeat. Follow-ups it causes itself
 * (presence after a slow consumer or a drop) go to a local deque drained before the next queued item, so the loop
 * can never overflow or wait on its own queue.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final long NEVER = Long.MIN_VALUE;

    private final DispatchQueue<Dispatch> queue;
    private final ArrayDeque<Dispatch> followUps = new ArrayDeque<>();
    private final SessionRegistry registry;
    private final GatewayMetrics metrics;
    private final SessionLifecycle lifecycle;
    private final EventSerializer serializer;
    private final long tickNanos;
    private final Overflows overflows;
    private final AtomicLong ticks = new AtomicLong();
    private volatile long lastTickNanos = NEVER;
    private volatile boolean running;
    private volatile Thread thread;

    private volatile GatewayRelay relay = GatewayRelay.NONE;
    private java.util.function.Consumer<GatewayEvent> presence = e -> dispatch(new Dispatch.Publish(e));
    private Resumes resumes;
    private Runnable housekeeping = () -> { };
    private long lastHousekeepingNanos = System.nanoTime();

    Dispatcher(GatewayLimits limits, SessionRegistry registry, GatewayMetrics metrics, SessionLifecycle lifecycle,
            EventSerializer serializer) {
        this.serializer = serializer;
        this.queue = new DispatchQueue<>(limits.dispatchCapacity());
        this.registry = registry;
        this.metrics = metrics;
        this.lifecycle = lifecycle;
        this.tickNanos = limits.tickInterval().toNanos();
        this.overflows = new Overflows(registry, metrics, lifecycle);
        metrics.bindDispatchQueueDepth(queue::size);
    }

    /**
     * Hands one item to the loop. Never blocks: when the queue is full the item is dropped, counted, and every
     * connection in its scope is closed {@code server_overloaded} (SPEC 9.7.4).
     */
    void dispatch(Dispatch item) {
        if (Thread.currentThread() == thread) {
            followUps.add(item);
        } else if (!queue.offer(item)) {
            overflows.handle(item);
        }
    }

    /** Set once before {@link #start}: who answers resume requests, and what runs about once a tick. */
    void resumeHandling(Resumes handler, Runnable everyTick) {
        this.resumes = handler;
        this.housekeeping = everyTick;
    }

    /** Where the loop's own presence follow-ups go (through the presence ledger, SPEC 17.6). Set before start. */
    void presenceThrough(java.util.function.Consumer<GatewayEvent> publish) {
        this.presence = publish;
    }

    /** SPEC 17.3: the relay that gets each local event and drop as the loop takes it. Set before {@link #start}. */
    void relayTo(GatewayRelay target) {
        this.relay = target;
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        // assigned before it runs, so follow-ups from the loop itself are recognised as such
        lastTickNanos = System.nanoTime(); // starting counts as the first sign of life for readiness
        thread = Thread.ofPlatform().daemon().name("gateway-dispatcher").unstarted(this::loop);
        thread.start();
    }

    /** Stops the loop and waits briefly for it to end; items still queued are not dispatched. */
    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        while (running) {
            Dispatch item = followUps.poll();
            if (item == null) {
                item = queue.poll(tickNanos);
            }
            lastTickNanos = System.nanoTime();
            ticks.incrementAndGet();
            if (item != null) {
                handle(item);
            }
            if (lastTickNanos - lastHousekeepingNanos >= tickNanos) {
                lastHousekeepingNanos = lastTickNanos;
                runHousekeeping();
            }
        }
    }

    private void runHousekeeping() {
        try {
            housekeeping.run();
        } catch (RuntimeException e) {
            LOG.atError().setMessage("gateway.housekeeping.failed").setCause(e).log();
        }
    }

    private void handle(Dispatch item) {
        try {
            switch (item) {
                case Dispatch.Publish p -> {
                    relayLocal(p);
                    deliver(p.event());
                }
                case Dispatch.DropSubscriptions d -> {
                    relay.drop(d.user(), d.guild(), d.reason());
                    dropSubscriptions(d);
                }
                case Dispatch.Remote r -> handleRemote(r.item());
                case Dispatch.Run r -> r.action().run();
                case Dispatch.DropSubscription d -> registry.connectionOrSuccessor(d.connection())
                        .ifPresent(s -> unsubscribe(s, registry.dropSubscription(s, d.guild(), d.channel()), d.guild(),
                                d.reason()));
                case Dispatch.CloseSession c -> List.copyOf(registry.sessionConnections(c.session())).forEach(s -> {
                    lifecycle.close(s, c.reason());
                    lifecycle.discard(s); // its detached sessions too (SPEC 9.10)
                });
                case Dispatch.Resume r -> resumes.handle(r);
            }
        } catch (RuntimeException e) {
            // one bad item must not stop the loop; readiness would otherwise only see a stale heartbeat
            LOG.atError().setMessage("gateway.dispatch.failed").addKeyValue("event_type", item.typeLabel())
                    .addKeyValue("scope", item.scopeLabel()).setCause(e).log();
        }
    }

    // connection-scoped events never leave the process: their connection is here; a users scope is an observers(U)
    // event resolved against this node's connections, relayed unresolved when it was published (relayObservers)
    private void relayLocal(Dispatch.Publish p) {
        GatewayEvent.Scope scope = p.event().scope();
        if (!(scope instanceof GatewayEvent.Scope.Connection) && !(scope instanceof GatewayEvent.Scope.Users)) {
            relay.event(p.event());
        }
    }

    /** SPEC 17.3: an observers(U) event goes to the relay when it is published, not when the dispatcher takes it. */
    void relayObservers(GatewayEvent event) {
        relay.event(event);
    }

    private void handleRemote(Dispatch item) {
        switch (item) {
            case Dispatch.Publish p -> deliver(p.event());
            case Dispatch.DropSubscriptions d -> dropSubscriptions(d);
            default -> handle(item);
        }
    }

    private void deliver(GatewayEvent event) {
        String scope = event.scope().label();
        int bytes = OutboundFrame.serializedSize(event.type(), event.payloadJson());
        int oversized = 0;
        for (ConnectionSession session : registry.targets(event.scope())) {
            if (offer(session, event.type(), scope, event.payloadJson(), bytes) == ConnectionSession.Offer.OVERSIZED) {
                oversized++;
            }
        }
        metrics.eventEmitted(scope, event.type());
        if (oversized > 0) {
            // once per event, however many connections it was built for (SPEC 9.3)
            LOG.atWarn().setMessage("gateway.event.oversized").addKeyValue("event_type", event.type())
                    .addKeyValue("size_bytes", bytes).addKeyValue("connections", oversized).log();
        }
    }

    private void dropSubscriptions(Dispatch.DropSubscriptions command) {
        for (ConnectionSession session : List.copyOf(registry.userConnections(command.user()))) {
            unsubscribe(session, registry.dropSubscriptions(session, command.guild()), command.guild(),
                    command.reason());
        }
    }

    // Tells the connection what a drop removed; presence offline follows when its user left the guild.
    private void unsubscribe(ConnectionSession session, GuildDrop drop, GuildId guild, UnsubscribeReason reason) {
        for (var channel : drop.channels()) {
            String d = serializer.toJson(ConnectionEvent.Unsubscribed.of(guild, channel, reason.wire()));
            offer(session, ConnectionEvent.Unsubscribed.TYPE, "connection", d,
                    OutboundFrame.serializedSize(ConnectionEvent.Unsubscribed.TYPE, d));
        }
        if (drop.wentOffline()) {
            presence.accept(PresenceStatus.OFFLINE.updateEvent(guild, session.user(), serializer));
        }
    }

    private ConnectionSession.Offer offer(ConnectionSession session, String type, String scope, String payload,
            int bytes) {
        ConnectionSession.Offer result = session.offer(type, scope, payload, bytes);
        switch (result) {
            case QUEUED, BUFFERED -> { }
            case CLOSED -> metrics.eventDropped(scope, type, DropReason.CLOSED);
            case OVERSIZED -> metrics.eventDropped(scope, type, DropReason.OVERSIZED);
            case DISCARD -> lifecycle.discard(session); // its buffer would lose a frame it never sent (SPEC 9.11)
            case OVERFLOW -> {
                metrics.eventDropped(scope, type, DropReason.SLOW_CONSUMER);
                LOG.atWarn().setMessage("gateway.slow_consumer").addKeyValue("connection_id", session.id())
                        .addKeyValue("queued_events", session.queuedEvents())
                        .addKeyValue("queued_bytes", session.queuedBytes()).log();
                lifecycle.close(session, CloseReason.SLOW_CONSUMER);
            }
        }
        return result;
    }

    /** Milliseconds since the loop last ticked; {@link Long#MAX_VALUE} when it never ran. */
    public long lastTickAgeMillis() {
        long last = lastTickNanos;
        return last == NEVER ? Long.MAX_VALUE : (System.nanoTime() - last) / 1_000_000;
    }

    /** How many times the loop has ticked (items taken or idle timeouts). */
    public long ticks() {
        return ticks.get();
    }

    public int queueDepth() {
        return queue.size();
    }

    public int queueCapacity() {
        return queue.capacity();
    }

    /** Whether the queue overflowed within {@code windowMillis}. */
    public boolean overflowedWithin(long windowMillis) {
        return overflows.within(windowMillis);
    }

    public long overflowCount() {
        return overflows.count();
    }
}
