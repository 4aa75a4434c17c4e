package dev.filament.realtime;

import dev.filament.application.gateway.port.out.GatewayMetrics;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.DropReason;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatch queue overflow (SPEC 9.7.4), handled on the publishing thread without waiting: count the drop, close the
 * item's scope {@code server_overloaded} (so nobody in it silently misses the event) and remember it for readiness.
 * The log line is throttled to one a second so an overload cannot turn into a logging stall.
 */
final class Overflows {
    private static final Logger LOG = LoggerFactory.getLogger(Overflows.class);
    private static final long LOG_EVERY_NANOS = 1_000_000_000L;

    private final SessionRegistry registry;
    private final GatewayMetrics metrics;
    private final SessionLifecycle lifecycle;
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong lastLogNanos = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    private volatile long lastOverflowNanos;

    Overflows(SessionRegistry registry, GatewayMetrics metrics, SessionLifecycle lifecycle) {
        this.registry = registry;
        this.metrics = metrics;
        this.lifecycle = lifecycle;
    }

    void handle(Dispatch item) {
        count.incrementAndGet();
        lastOverflowNanos = System.nanoTime();
        metrics.eventDropped(item.scopeLabel(), item.typeLabel(), DropReason.DISPATCH_OVERFLOW);
        log(item);
        for (ConnectionSession session : scope(item)) {
            lifecycle.close(session, CloseReason.SERVER_OVERLOADED);
        }
    }

    private List<ConnectionSession> scope(Dispatch item) {
        return switch (item) {
            case Dispatch.Publish p -> toList(registry.targets(p.event().scope()));
            case Dispatch.DropSubscriptions d -> List.copyOf(registry.userConnections(d.user()));
            case Dispatch.DropSubscription d -> registry.connection(d.connection()).map(List::of).orElse(List.of());
            case Dispatch.CloseSession c -> List.copyOf(registry.sessionConnections(c.session()));
            case Dispatch.Resume r -> List.of(r.connection());
            case Dispatch.Remote r -> scope(r.item());
            case Dispatch.Run r -> {
                r.action().run(); // closes are safe off the loop; a relay gap must not be lost to an overflow
                yield List.of();
            }
        };
    }

    private static List<ConnectionSession> toList(Iterable<ConnectionSession> sessions) {
        List<ConnectionSession> list = new java.util.ArrayList<>();
        sessions.forEach(list::add);
        return list;
    }

    private void log(Dispatch item) {
        long now = System.nanoTime();
        long last = lastLogNanos.get();
        if (now - last >= LOG_EVERY_NANOS && lastLogNanos.compareAndSet(last, now)) {
            LOG.atWarn().setMessage("gateway.dispatch.overflow").addKeyValue("event_type", item.typeLabel())
                    .addKeyValue("scope", item.scopeLabel()).addKeyValue("overflows_total", count.get()).log();
        }
    }

    boolean within(long windowMillis) {
        return count.get() > 0 && System.nanoTime() - lastOverflowNanos <= windowMillis * 1_000_000L;
    }

    long count() {
        return count.get();
    }
}
