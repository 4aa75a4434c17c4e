package dev.filament.realtime.voice;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.voice.service.RosterVoiceRegistry;
import dev.filament.application.voice.service.VoiceEventPayloads;
import dev.filament.domain.voice.VoiceCapacity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The process-local voice registry (SPEC 11.3): one short lock around the roster, held only for in-memory work of
 * microseconds (never across publishing, I/O or a wait), and an ordered hand-off that publishes the events in change
 * order after the lock is released. Safe on virtual threads.
 */
public final class LocalVoiceRegistry extends RosterVoiceRegistry {
    private final ReentrantLock lock = new ReentrantLock();
    private final OrderedHandOff handOff;

    public LocalVoiceRegistry(GatewayEventPublisher publisher, VoiceEventPayloads payloads,
            VoiceCapacity capacity) {
        super(capacity, payloads);
        this.handOff = new OrderedHandOff(publisher);
    }

    /** The registry with the caps of SPEC 11.3 (1024 channels, 512 participants per channel). */
    public LocalVoiceRegistry(GatewayEventPublisher publisher, VoiceEventPayloads payloads) {
        this(publisher, payloads, VoiceCapacity.SPEC);
    }

    @Override
    protected <T> T mutate(Function<List<GatewayEvent>, T> change) {
        List<GatewayEvent> events = new ArrayList<>();
        T result;
        lock.lock();
        try {
            result = change.apply(events);
            handOff.enqueue(events);
        } finally {
            lock.unlock();
        }
        handOff.drain();
        return result;
    }

    @Override
    protected <T> T read(Supplier<T> query) {
        lock.lock();
        try {
            return query.get();
        } finally {
            lock.unlock();
        }
    }
}
