package dev.filament.realtime.voice;

import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.voice.port.out.VoiceRegistry;
import dev.filament.application.voice.port.out.VoiceRegistryContract;
import dev.filament.application.voice.service.VoiceEventPayloads;
import dev.filament.domain.voice.VoiceCapacity;

/** Runs the registry contract against the real in-memory registry. */
class LocalVoiceRegistryContractTest extends VoiceRegistryContract {

    @Override
    protected VoiceRegistry newRegistry(GatewayEventPublisher publisher, VoiceEventPayloads payloads,
            VoiceCapacity capacity) {
        return new LocalVoiceRegistry(publisher, payloads, capacity);
    }
}
