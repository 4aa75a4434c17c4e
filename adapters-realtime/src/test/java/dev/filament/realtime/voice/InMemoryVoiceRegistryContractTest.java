package dev.filament.realtime.voice;

import dev.filament.application.gateway.GatewayEventPublisher;
import dev.filament.application.voice.VoiceEventPayloads;
import dev.filament.application.voice.VoiceRegistry;
import dev.filament.application.voice.VoiceRegistryContract;
import dev.filament.domain.voice.VoiceCapacity;

/** Runs the registry contract against the real in-memory registry. */
class InMemoryVoiceRegistryContractTest extends VoiceRegistryContract {

    @Override
    protected VoiceRegistry newRegistry(GatewayEventPublisher publisher, VoiceEventPayloads payloads,
            VoiceCapacity capacity) {
        return new InMemoryVoiceRegistry(publisher, payloads, capacity);
    }
}
