package dev.filament.application.voice.service;

import static dev.filament.domain.voice.StreamSource.MICROPHONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.fakes.MutableClock;
import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.voice.fakes.InMemoryLiveKitRoomService;
import dev.filament.application.voice.fakes.RecordingVoiceSyncTelemetry;
import dev.filament.application.voice.fakes.InMemoryVoiceRegistry;
import dev.filament.application.voice.port.out.VoiceRepairReason;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceIdentity;
import dev.filament.domain.voice.VoiceParticipant;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveKitSyncTest {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    private final TestIds ids = new TestIds();
    private final RecordingGatewayEventPublisher publisher = new RecordingGatewayEventPublisher();
    private final InMemoryVoiceRegistry registry = new InMemoryVoiceRegistry(publisher);
    private final InMemoryLiveKitRoomService liveKit = new InMemoryLiveKitRoomService();
    private final RecordingVoiceSyncTelemetry telemetry = new RecordingVoiceSyncTelemetry();
    private final MutableClock clock = new MutableClock(T0);
    private final LiveKitSync sync = new LiveKitSync(registry, liveKit, telemetry, clock);
    private VoiceRoom room;

    @BeforeEach
    void setUp() {
        room = VoiceRoom.of(ids.newGuildId(), ids.newChannelId());
    }

    private VoiceIdentity registered(long issuedAtSecond) {
        VoiceIdentity id = room.identityOf(ids.newUserId());
        registry.issue(id, VoiceGrant.of(true, MICROPHONE), T0.plusSeconds(issuedAtSecond),
                T0.plusSeconds(issuedAtSecond + 300));
        return id;
    }

    @Test
    void participantAbsentFromLiveKit_isRemovedOnlyAfterTheGrace() {
        VoiceIdentity old = registered(0);
        VoiceIdentity recent = registered(20);
        clock.set(T0.plusSeconds(31));
        publisher.clear();

        LiveKitSync.Pass pass = sync.runOnce();

        assertThat(registry.participants(room)).extracting(VoiceParticipant::identity).containsExactly(recent);
        assertThat(publisher.events()).extracting(e -> e.type())
                .containsExactly("voice_stream_unpublish", "voice_participant_leave");
        assertThat(telemetry.repairs(VoiceRepairReason.LIVEKIT_ABSENT)).isEqualTo(1);
        assertThat(pass).isEqualTo(new LiveKitSync.Pass(1, 1, 0));
        assertThat(telemetry.passes()).containsExactly("rooms=1 removed=1 errors=0");
        assertThat(old).isNotEqualTo(recent);
    }

    @Test
    void participantPresentInLiveKit_staysHoweverOldItsToken() {
        VoiceIdentity alice = registered(0);
        liveKit.join(room.name(), alice.value(), false);
        clock.set(T0.plusSeconds(200));

        sync.runOnce();

        assertThat(registry.participants(room)).hasSize(1);
        assertThat(liveKit.removed()).isEmpty();
    }

    @Test
    void mutedInRegistryButUnmutedInLiveKit_becomesUnmuted() {
        VoiceIdentity alice = registered(0);
        VoiceIdentity bob = registered(0);
        registry.updateState(alice, Optional.of(true), Optional.empty(), T0);
        registry.updateState(bob, Optional.of(true), Optional.empty(), T0);
        liveKit.join(room.name(), alice.value(), true);
        liveKit.join(room.name(), bob.value(), false);
        clock.set(T0.plusSeconds(15));
        publisher.clear();

        sync.runOnce();

        assertThat(registry.participants(room)).extracting(VoiceParticipant::muted).containsExactly(false, true);
        assertThat(publisher.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("voice_participant_update");
            assertThat(e.payloadJson()).contains("\"user_id\":\"" + alice.user().value() + "\"")
                    .contains("\"updated_fields\":{\"is_muted\":false}");
        });
        assertThat(telemetry.repairs(VoiceRepairReason.LIVEKIT_UNMUTED)).isEqualTo(1);
    }

    @Test
    void liveKitParticipantUnknownToTheRegistry_isRemovedFromTheRoom() {
        VoiceIdentity alice = registered(0);
        liveKit.join(room.name(), alice.value(), false);
        liveKit.join(room.name(), "intruder", false);

        LiveKitSync.Pass pass = sync.runOnce();

        assertThat(liveKit.removed()).containsExactly(room.name() + "/intruder");
        assertThat(telemetry.repairs(VoiceRepairReason.LIVEKIT_UNKNOWN_IDENTITY)).isEqualTo(1);
        assertThat(pass.removed()).isEqualTo(1);
    }

    @Test
    void ourRoomsKnownOnlyToLiveKit_areVisited_foreignRoomsAreNot() {
        VoiceRoom emptied = VoiceRoom.of(ids.newGuildId(), ids.newChannelId());
        String kicked = emptied.identityOf(ids.newUserId()).value();
        liveKit.join(emptied.name(), kicked, true);
        liveKit.join("someone-elses-room", "guest", true);

        LiveKitSync.Pass pass = sync.runOnce();

        assertThat(liveKit.removed()).containsExactly(emptied.name() + "/" + kicked);
        assertThat(pass.rooms()).isEqualTo(1);
    }

    @Test
    void failingCalls_areLoggedAndSkipped_otherRoomsStillSync() {
        VoiceIdentity broken = registered(0);
        VoiceRoom other = VoiceRoom.of(ids.newGuildId(), ids.newChannelId());
        VoiceIdentity gone = other.identityOf(ids.newUserId());
        registry.issue(gone, VoiceGrant.of(true), T0, T0.plusSeconds(300));
        liveKit.failListRooms();
        liveKit.failRoom(room.name());
        liveKit.join(other.name(), "stuck", false);
        liveKit.failRemoval("stuck");
        clock.set(T0.plusSeconds(60));

        LiveKitSync.Pass pass = sync.runOnce();

        assertThat(registry.participants(room)).extracting(VoiceParticipant::identity).containsExactly(broken);
        assertThat(registry.participants(other)).isEmpty();
        assertThat(telemetry.failures()).containsExactlyInAnyOrder("ListRooms ", "ListParticipants " + room.name(),
                "RemoveParticipant " + other.name());
        assertThat(pass).isEqualTo(new LiveKitSync.Pass(2, 1, 3));
    }

    @Test
    void emptyRegistryAndLiveKit_isAQuietPass() {
        LiveKitSync.Pass pass = sync.runOnce();

        assertThat(pass).isEqualTo(new LiveKitSync.Pass(0, 0, 0));
        assertThat(publisher.events()).isEmpty();
        assertThat(telemetry.failures()).isEmpty();
    }
}
