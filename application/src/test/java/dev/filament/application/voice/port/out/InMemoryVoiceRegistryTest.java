package dev.filament.application.voice.port.out;

import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.voice.fakes.InMemoryVoiceRegistry;
import dev.filament.application.voice.service.VoiceEventPayloads;
import dev.filament.domain.voice.VoiceCapacity;

class InMemoryVoiceRegistryTest extends VoiceRegistryContract {

    @Override
    protected VoiceRegistry newRegistry(GatewayEventPublisher publisher, VoiceEventPayloads payloads,
            VoiceCapacity capacity) {
        return new InMemoryVoiceRegistry(publisher, payloads, capacity);
    }
}
