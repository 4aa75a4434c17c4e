package dev.filament.realtime.voice;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands registry events to the gateway publisher in the order the registry produced them, without publishing under
 * the registry's lock and without ever waiting: events are queued under the lock, and after it is released whichever
 * thread finds no one else publishing drains the queue; the others return at once (SPEC 9.7.1, 9.7.6).
 */
final class OrderedHandOff {
    private static final Logger LOG = LoggerFactory.getLogger(OrderedHandOff.class);

    private final GatewayEventPublisher publisher;
    private final ConcurrentLinkedQueue<GatewayEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    OrderedHandOff(GatewayEventPublisher publisher) {
        this.publisher = publisher;
    }

    /** Called while holding the registry lock, so the queue order is the order of the changes. */
    void enqueue(List<GatewayEvent> events) {
        pending.addAll(events);
    }

    /** Called after releasing the lock: publishes what is queued unless another thread is already doing so. */
    void drain() {
        // re-checking after releasing the flag closes the gap where an event arrived while the drainer was leaving
        while (!pending.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                GatewayEvent event;
                while ((event = pending.poll()) != null) {
                    publish(event);
                }
            } finally {
                draining.set(false);
            }
        }
    }

    private void publish(GatewayEvent event) {
        try {
            publisher.publish(event);
        } catch (RuntimeException e) {
            // the port never throws; if one does, this event is lost but the ones behind it are not
            LOG.atError().setMessage("voice.handoff.failed").addKeyValue("event_type", event.type()).setCause(e).log();
        }
    }
}
