package dev.filament.realtime.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.fakes.MutableClock;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.voice.fakes.TestJson;
import dev.filament.application.voice.service.VoiceEventPayloads;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceIdentity;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VoiceLastConnectionListenerTest {

    @Test
    void lastConnectionClosed_removesTheUserFromVoice_atTheClocksTime() {
        TestIds ids = new TestIds();
        RecordingGatewayEventPublisher publisher = new RecordingGatewayEventPublisher();
        LocalVoiceRegistry registry = new LocalVoiceRegistry(publisher, new VoiceEventPayloads(new TestJson()));
        Instant t0 = Instant.parse("2030-01-01T00:00:00Z");
        VoiceIdentity alice = VoiceRoom.of(ids.newGuildId(), ids.newChannelId()).identityOf(ids.newUserId());
        registry.issue(alice, VoiceGrant.of(true), t0, t0.plusSeconds(300));
        publisher.clear();

        new VoiceLastConnectionListener(registry, new MutableClock(t0.plusSeconds(42))).lastConnectionClosed(alice.user());

        assertThat(registry.rooms()).isEmpty();
        assertThat(publisher.events()).extracting(GatewayEvent::type).containsExactly("voice_participant_leave");
        assertThat(publisher.events().getFirst().payloadJson())
                .contains("\"left_at_unix\":" + t0.plusSeconds(42).getEpochSecond());
    }
}
