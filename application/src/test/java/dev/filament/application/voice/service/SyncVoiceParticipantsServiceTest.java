package dev.filament.application.voice.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.fakes.MutableClock;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.voice.fakes.RecordingVoiceSyncTelemetry;
import dev.filament.application.voice.fakes.InMemoryVoiceRegistry;
import dev.filament.application.voice.fakes.TestJson;
import dev.filament.application.voice.port.out.VoiceRepairReason;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceIdentity;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyncVoiceParticipantsServiceTest {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    private final TestIds ids = new TestIds();
    private final RecordingGatewayEventPublisher publisher = new RecordingGatewayEventPublisher();
    private final InMemoryVoiceRegistry registry = new InMemoryVoiceRegistry(publisher);
    private final RecordingVoiceSyncTelemetry telemetry = new RecordingVoiceSyncTelemetry();
    private final MutableClock clock = new MutableClock(T0);
    private final SyncVoiceParticipantsService subscribeSync =
            new SyncVoiceParticipantsService(registry, new VoiceEventPayloads(new TestJson()), telemetry, clock);

    @Test
    void subscribe_prunesExpiredParticipants_thenSyncsTheRest() {
        VoiceRoom room = VoiceRoom.of(ids.newGuildId(), ids.newChannelId());
        VoiceIdentity expired = room.identityOf(ids.newUserId());
        VoiceIdentity live = room.identityOf(ids.newUserId());
        registry.issue(expired, VoiceGrant.of(true), T0, T0.plusSeconds(300));
        registry.issue(live, VoiceGrant.of(true), T0.plusSeconds(100), T0.plusSeconds(400));
        clock.set(T0.plusSeconds(300));
        publisher.clear();
        ConnectionId connection = ids.newConnectionId();

        GatewayEvent sync = subscribeSync.syncFor(connection, room.guild(), room.channel());

        assertThat(publisher.events()).extracting(GatewayEvent::type).containsExactly("voice_participant_leave");
        assertThat(sync.scope()).isEqualTo(GatewayEvent.Scope.connection(connection));
        assertThat(sync.payloadJson()).contains(live.value()).doesNotContain(expired.value())
                .contains("\"synced_at_unix\":" + T0.plusSeconds(300).getEpochSecond());
        assertThat(telemetry.repairs(VoiceRepairReason.SUBSCRIBE)).isEqualTo(1);
    }

    @Test
    void channelWithoutParticipants_syncsAnEmptyList() {
        GatewayEvent sync = subscribeSync.syncFor(ids.newConnectionId(), ids.newGuildId(), ids.newChannelId());

        assertThat(sync.payloadJson()).contains("\"participants\":[]");
        assertThat(telemetry.repairs(VoiceRepairReason.SUBSCRIBE)).isZero();
    }
}
