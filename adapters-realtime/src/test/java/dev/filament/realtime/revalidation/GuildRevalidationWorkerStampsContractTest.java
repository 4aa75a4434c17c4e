package dev.filament.realtime.revalidation;

import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher;
import dev.filament.application.gateway.port.out.SubscriptionRevalidations;
import dev.filament.application.gateway.port.out.SubscriptionRevalidationsContract;
import dev.filament.application.voice.fakes.InMemoryVoiceRegistry;
import dev.filament.application.voice.fakes.TestJson;
import dev.filament.application.voice.service.VoiceEventPayloads;
import java.time.Clock;

/** The worker keeps the {@link SubscriptionRevalidations} contract (not started: requests only queue). */
class GuildRevalidationWorkerStampsContractTest extends SubscriptionRevalidationsContract {

    @Override
    protected SubscriptionRevalidations newRevalidations() {
        return new GuildRevalidationWorker(new InMemoryVoiceRegistry(new RecordingGatewayEventPublisher(),
                new VoiceEventPayloads(new TestJson()), dev.filament.domain.voice.VoiceCapacity.SPEC),
                Clock.systemUTC());
    }
}
