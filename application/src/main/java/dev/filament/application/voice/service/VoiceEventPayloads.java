package dev.filament.application.voice.service;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.wire.ChannelEvent;
import dev.filament.application.wire.ConnectionEvent;
import dev.filament.application.wire.EventSerializer;
import dev.filament.application.wire.ServerEvent;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.voice.FlagChanges;
import dev.filament.domain.voice.StreamSource;
import dev.filament.domain.voice.VoiceParticipant;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the voice events of SPEC 9.5 as their {@code application.wire} records, each serialized once by the
 * injected serializer. Thread-safe when the serializer is.
 */
public final class VoiceEventPayloads {
    private final EventSerializer serializer;

    public VoiceEventPayloads(EventSerializer serializer) {
        this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    /** {@code voice_participant_join}, then {@code voice_stream_publish} per stream (SPEC 11.3). */
    public List<GatewayEvent> arrival(VoiceRoom room, VoiceParticipant p) {
        List<GatewayEvent> out = new ArrayList<>();
        out.add(toChannel(room, ChannelEvent.VoiceParticipantJoin.of(room, p)));
        for (StreamSource s : p.streams()) {
            out.add(stream(room, p, s, true, p.updatedAt()));
        }
        return out;
    }

    /** {@code voice_stream_unpublish} per stream, then {@code voice_participant_leave} (SPEC 11.3, 11.4). */
    public List<GatewayEvent> removal(VoiceRoom room, VoiceParticipant p, Instant at) {
        List<GatewayEvent> out = new ArrayList<>();
        for (StreamSource s : p.streams()) {
            out.add(stream(room, p, s, false, at));
        }
        out.add(toChannel(room, ChannelEvent.VoiceParticipantLeave.of(room, p, at)));
        return out;
    }

    /** {@code voice_participant_update} carrying only the changed flags. */
    public GatewayEvent update(VoiceRoom room, VoiceParticipant p, FlagChanges flags, Instant at) {
        return toChannel(room, ChannelEvent.VoiceParticipantUpdate.of(room, p, flags, at));
    }

    /** {@code voice_stream_publish} or {@code voice_stream_unpublish} for one stream. */
    public GatewayEvent stream(VoiceRoom room, VoiceParticipant p, StreamSource s, boolean published, Instant at) {
        return toChannel(room, published
                ? ChannelEvent.VoiceStreamPublish.of(room, p, s, at)
                : ChannelEvent.VoiceStreamUnpublish.of(room, p, s, at));
    }

    /** {@code voice_participant_sync} for one connection (SPEC 9.4 subscribe). */
    public GatewayEvent sync(ConnectionId connection, VoiceRoom room, List<VoiceParticipant> participants,
            Instant at) {
        return GatewayEvent.of(ConnectionEvent.VoiceParticipantSync.of(room, participants, at),
                GatewayEvent.Scope.connection(connection), serializer);
    }

    private GatewayEvent toChannel(VoiceRoom room, ServerEvent event) {
        return GatewayEvent.of(event, GatewayEvent.Scope.channel(room.guild(), room.channel()), serializer);
    }
}
