package dev.filament.realtime;

import dev.filament.application.gateway.port.out.GatewayMetrics;
import dev.filament.application.gateway.port.out.ObserverDirectory;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.domain.gateway.DropReason;
import dev.filament.domain.id.UserId;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-process audience resolver of SPEC 9.5: {@code observers(U)} events queue here (FIFO, 1024; a full queue
 * drops the event, counted {@code audience_overflow}); one worker asks the {@link ObserverDirectory} which of the users
 * connected to this process observe U, evaluated at delivery, and hands the event on with that explicit user list.
 * Offering never blocks; the dispatcher never touches the database.
 */
final class ObserverAudienceResolver implements AutoCloseable {
    static final int CAPACITY = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ObserverAudienceResolver.class);
    /** Before wiring supplies the database: only the subject's own connections. */
    static final ObserverDirectory SELF_ONLY = (subject, candidates) ->
            candidates.contains(subject) ? Set.of(subject) : Set.of();

    private final BlockingQueue<GatewayEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Supplier<Set<UserId>> connectedUsers;
    private final Consumer<GatewayEvent> dispatch;
    private final GatewayMetrics metrics;
    private final Thread worker;
    private volatile ObserverDirectory directory = SELF_ONLY;
    private volatile boolean running = true;

    ObserverAudienceResolver(Supplier<Set<UserId>> connectedUsers, Consumer<GatewayEvent> dispatch,
                             GatewayMetrics metrics) {
        this.connectedUsers = connectedUsers;
        this.dispatch = dispatch;
        this.metrics = metrics;
        this.worker = Thread.ofPlatform().name("gateway-audience").daemon().unstarted(this::loop);
    }

    void use(ObserverDirectory directory) {
        this.directory = directory;
    }

    void start() {
        worker.start();
    }

    /** Queues an {@code observers(U)} event; never blocks. */
    void offer(GatewayEvent event) {
        if (!queue.offer(event)) {
            metrics.eventDropped(event.scope().label(), event.type(), DropReason.AUDIENCE_OVERFLOW);
            LOG.atWarn().setMessage("gateway.audience.overflow").addKeyValue("event_type", event.type()).log();
        }
    }

    private void loop() {
        while (running) {
            GatewayEvent event;
            try {
                event = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            resolve(event);
        }
    }

    private void resolve(GatewayEvent event) {
        UserId subject = ((GatewayEvent.Scope.Observers) event.scope()).subject();
        try {
            Set<UserId> connected = connectedUsers.get();
            Set<UserId> audience = connected.isEmpty() ? Set.of() : directory.observersAmong(subject, connected);
            dispatch.accept(new GatewayEvent(event.type(), GatewayEvent.Scope.users(audience), event.payloadJson()));
        } catch (RuntimeException e) {
            LOG.atWarn().setMessage("gateway.audience.failed").addKeyValue("event_type", event.type())
                    .setCause(e).log();
        }
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
    }
}
