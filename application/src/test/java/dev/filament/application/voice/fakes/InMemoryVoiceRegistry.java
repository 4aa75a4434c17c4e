package dev.filament.application.voice.fakes;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.voice.service.RosterVoiceRegistry;
import dev.filament.application.voice.service.VoiceEventPayloads;
import dev.filament.domain.voice.VoiceCapacity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Fake voice registry for use-case tests: one monitor, events published right after it is released. Keeps the SPEC
 * rules (they are the roster's) but, unlike the real adapter, does not keep event order across concurrent callers.
 */
public final class InMemoryVoiceRegistry extends RosterVoiceRegistry {
    private final GatewayEventPublisher publisher;

    public InMemoryVoiceRegistry(GatewayEventPublisher publisher, VoiceEventPayloads payloads, VoiceCapacity capacity) {
        super(capacity, payloads);
        this.publisher = publisher;
    }

    public InMemoryVoiceRegistry(GatewayEventPublisher publisher) {
        this(publisher, new VoiceEventPayloads(new TestJson()), VoiceCapacity.SPEC);
    }

    @Override
    protected <T> T mutate(Function<List<GatewayEvent>, T> change) {
        List<GatewayEvent> events = new ArrayList<>();
        T result;
        synchronized (this) {
            result = change.apply(events);
        }
        events.forEach(publisher::publish);
        return result;
    }

    @Override
    protected synchronized <T> T read(Supplier<T> query) {
        return query.get();
    }
}
