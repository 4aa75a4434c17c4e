package dev.filament.application.voice.service;

import static dev.filament.domain.voice.StreamSource.CAMERA;
import static dev.filament.domain.voice.StreamSource.MICROPHONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.voice.fakes.TestJson;
import dev.filament.application.wire.ChannelEvent;
import dev.filament.application.wire.ConnectionEvent;
import dev.filament.application.wire.ServerEvent;
import dev.filament.application.wire.VoiceParticipantShape;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.voice.FlagChanges;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceParticipant;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Pins the exact SPEC 9.5 payload shapes of the voice events. */
class VoiceEventPayloadsTest {
    private static final String G = "01J0000000000000000000000G";
    private static final String C = "01J0000000000000000000000C";
    private static final String U = "01J0000000000000000000000A";
    private static final String ID = "u." + U + "." + G + "." + C;
    private static final Instant T0 = Instant.ofEpochSecond(1_900_000_000L);
    private static final VoiceRoom ROOM = VoiceRoom.of(GuildId.of(G), ChannelId.of(C));
    private static final VoiceParticipant ALICE = VoiceParticipant.join(ROOM.identityOf(UserId.of(U)),
            VoiceGrant.of(true, MICROPHONE, CAMERA), T0, T0.plusSeconds(300));
    private static final String PARTICIPANT = "{\"user_id\":\"" + U + "\",\"identity\":\"" + ID + "\","
            + "\"joined_at_unix\":1900000000,\"updated_at_unix\":1900000000,\"is_muted\":false,"
            + "\"is_deafened\":false,\"is_speaking\":false,\"is_video_enabled\":true,"
            + "\"is_screen_share_enabled\":false}";
    private static final String WHO = "\"guild_id\":\"" + G + "\",\"channel_id\":\"" + C + "\",\"user_id\":\"" + U
            + "\",\"identity\":\"" + ID + "\"";

    private final VoiceEventPayloads payloads = new VoiceEventPayloads(new TestJson());

    @Test
    void arrival_isJoinWithTheParticipantShape_thenOnePublishPerStream() {
        List<GatewayEvent> events = payloads.arrival(ROOM, ALICE);

        assertThat(events).extracting(GatewayEvent::type)
                .containsExactly("voice_participant_join", "voice_stream_publish", "voice_stream_publish");
        assertThat(events.get(0).payloadJson()).isEqualTo(
                "{\"guild_id\":\"" + G + "\",\"channel_id\":\"" + C + "\",\"participant\":" + PARTICIPANT + "}");
        assertThat(events.get(1).payloadJson())
                .isEqualTo("{" + WHO + ",\"stream\":\"microphone\",\"published_at_unix\":1900000000}");
        assertThat(events.get(2).payloadJson())
                .isEqualTo("{" + WHO + ",\"stream\":\"camera\",\"published_at_unix\":1900000000}");
        assertThat(events).allSatisfy(e -> assertThat(e.scope())
                .isEqualTo(GatewayEvent.Scope.channel(GuildId.of(G), ChannelId.of(C))));
    }

    @Test
    void removal_isOneUnpublishPerStream_thenLeave() {
        List<GatewayEvent> events = payloads.removal(ROOM, ALICE, T0.plusSeconds(9));

        assertThat(events).extracting(GatewayEvent::type)
                .containsExactly("voice_stream_unpublish", "voice_stream_unpublish", "voice_participant_leave");
        assertThat(events.get(0).payloadJson())
                .isEqualTo("{" + WHO + ",\"stream\":\"microphone\",\"unpublished_at_unix\":1900000009}");
        assertThat(events.get(2).payloadJson()).isEqualTo("{" + WHO + ",\"left_at_unix\":1900000009}");
    }

    @Test
    void update_carriesOnlyTheChangedFields() {
        FlagChanges flags = new FlagChanges(Optional.of(true), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(false));

        GatewayEvent e = payloads.update(ROOM, ALICE, flags, T0.plusSeconds(3));

        assertThat(e.type()).isEqualTo("voice_participant_update");
        assertThat(e.payloadJson()).isEqualTo("{" + WHO + ",\"updated_fields\":{\"is_muted\":true,"
                + "\"is_screen_share_enabled\":false},\"updated_at_unix\":1900000003}");
    }

    @Test
    void sync_goesToOneConnectionWithEveryParticipant() {
        ConnectionId connection = ConnectionId.of("01J0000000000000000000000Z");

        GatewayEvent e = payloads.sync(connection, ROOM, List.of(ALICE), T0.plusSeconds(1));

        assertThat(e.type()).isEqualTo("voice_participant_sync");
        assertThat(e.scope()).isEqualTo(GatewayEvent.Scope.connection(connection));
        assertThat(e.payloadJson()).isEqualTo("{\"guild_id\":\"" + G + "\",\"channel_id\":\"" + C
                + "\",\"participants\":[" + PARTICIPANT + "],\"synced_at_unix\":1900000001}");
        assertThat(payloads.sync(connection, ROOM, List.of(), T0).payloadJson()).contains("\"participants\":[]");
    }

    @Test
    void eachEventIsSerializedExactlyOnce() {
        AtomicInteger calls = new AtomicInteger();
        VoiceEventPayloads counting = new VoiceEventPayloads(event -> {
            calls.incrementAndGet();
            return new TestJson().toJson(event);
        });

        List<GatewayEvent> events = counting.arrival(ROOM, ALICE);

        assertThat(calls.get()).isEqualTo(events.size());
    }

    @Test
    void eventsAreTheWireRecords() {
        List<ServerEvent> seen = new ArrayList<>();
        VoiceEventPayloads recording = new VoiceEventPayloads(event -> {
            seen.add(event);
            return new TestJson().toJson(event);
        });

        recording.arrival(ROOM, ALICE);
        recording.sync(ConnectionId.of("01J0000000000000000000000Z"), ROOM, List.of(ALICE), T0);

        assertThat(seen).hasSize(4);
        assertThat(seen.get(0)).isEqualTo(new ChannelEvent.VoiceParticipantJoin(G, C,
                VoiceParticipantShape.of(ALICE)));
        assertThat(seen.get(1)).isEqualTo(new ChannelEvent.VoiceStreamPublish(G, C, U, ID, "microphone",
                1_900_000_000L));
        assertThat(seen.get(3)).isEqualTo(new ConnectionEvent.VoiceParticipantSync(G, C,
                List.of(VoiceParticipantShape.of(ALICE)), 1_900_000_000L));
    }
}
