package dev.filament.application.voice.service;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.voice.FlagChanges;
import dev.filament.domain.voice.StreamSource;
import dev.filament.domain.voice.VoiceParticipant;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the voice events of SPEC 9.5 with their exact payload shapes, each serialized once by the injected
 * serializer (insertion-ordered maps of strings, numbers, booleans, lists and maps). Thread-safe when the serializer is.
 */
public final class VoiceEventPayloads {
    private final Function<Map<String, Object>, String> serializer;

    public VoiceEventPayloads(Function<Map<String, Object>, String> serializer) {
        this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    /** {@code voice_participant_join}, then {@code voice_stream_publish} per stream (SPEC 11.3). */
    public List<GatewayEvent> arrival(VoiceRoom room, VoiceParticipant p) {
        List<GatewayEvent> out = new ArrayList<>();
        Map<String, Object> d = head(room);
        d.put("participant", participant(p));
        out.add(event("voice_participant_join", room, d));
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
        Map<String, Object> d = who(room, p);
        d.put("left_at_unix", at.getEpochSecond());
        out.add(event("voice_participant_leave", room, d));
        return out;
    }

    /** {@code voice_participant_update} carrying only the changed flags. */
    public GatewayEvent update(VoiceRoom room, VoiceParticipant p, FlagChanges flags, Instant at) {
        Map<String, Object> fields = new LinkedHashMap<>();
        put(fields, "is_muted", flags.muted());
        put(fields, "is_deafened", flags.deafened());
        put(fields, "is_speaking", flags.speaking());
        put(fields, "is_video_enabled", flags.videoEnabled());
        put(fields, "is_screen_share_enabled", flags.screenShareEnabled());
        Map<String, Object> d = who(room, p);
        d.put("updated_fields", fields);
        d.put("updated_at_unix", at.getEpochSecond());
        return event("voice_participant_update", room, d);
    }

    /** {@code voice_stream_publish} or {@code voice_stream_unpublish} for one stream. */
    public GatewayEvent stream(VoiceRoom room, VoiceParticipant p, StreamSource s, boolean published, Instant at) {
        Map<String, Object> d = who(room, p);
        d.put("stream", s.wire());
        d.put(published ? "published_at_unix" : "unpublished_at_unix", at.getEpochSecond());
        return event(published ? "voice_stream_publish" : "voice_stream_unpublish", room, d);
    }

    /** {@code voice_participant_sync} for one connection (SPEC 9.4 subscribe). */
    public GatewayEvent sync(ConnectionId connection, VoiceRoom room, List<VoiceParticipant> participants,
            Instant at) {
        Map<String, Object> d = head(room);
        d.put("participants", participants.stream().map(VoiceEventPayloads::participant).toList());
        d.put("synced_at_unix", at.getEpochSecond());
        return GatewayEvent.of("voice_participant_sync", GatewayEvent.Scope.connection(connection),
                serializer.apply(d));
    }

    /** The {@code VoiceParticipant} shape of SPEC 9.5. */
    static Map<String, Object> participant(VoiceParticipant p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user_id", p.user().value());
        m.put("identity", p.identity().value());
        m.put("joined_at_unix", p.joinedAt().getEpochSecond());
        m.put("updated_at_unix", p.updatedAt().getEpochSecond());
        m.put("is_muted", p.muted());
        m.put("is_deafened", p.deafened());
        m.put("is_speaking", p.speaking());
        m.put("is_video_enabled", p.videoEnabled());
        m.put("is_screen_share_enabled", p.screenShareEnabled());
        return m;
    }

    private GatewayEvent event(String type, VoiceRoom room, Map<String, Object> d) {
        return GatewayEvent.of(type, GatewayEvent.Scope.channel(room.guild(), room.channel()), serializer.apply(d));
    }

    private static Map<String, Object> head(VoiceRoom room) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("guild_id", room.guild().value());
        d.put("channel_id", room.channel().value());
        return d;
    }

    private static Map<String, Object> who(VoiceRoom room, VoiceParticipant p) {
        Map<String, Object> d = head(room);
        d.put("user_id", p.user().value());
        d.put("identity", p.identity().value());
        return d;
    }

    private static void put(Map<String, Object> fields, String key, Optional<Boolean> value) {
        value.ifPresent(v -> fields.put(key, v));
    }
}
