package dev.filament.application.wire;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.voice.VoiceParticipant;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The events of SPEC 9.5 sent to one connection. */
public sealed interface ConnectionEvent extends ServerEvent {

    /** {@code ready} {@code {user_id, resume_key}}: frame 1 of every new gateway session (SPEC 9.1, 9.11). */
    record Ready(String userId, String resumeKey) implements ConnectionEvent {
        public static final String TYPE = "ready";

        public static Ready of(UserId user, String resumeKey) {
            return new Ready(user.value(), resumeKey);
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code resumed} {@code {resume_key, replayed}}: a resume took its session over (SPEC 9.11). */
    record Resumed(String resumeKey, int replayed) implements ConnectionEvent {
        public static final String TYPE = "resumed";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code invalid_session} {@code {reason}}: a resume failed; a new session follows (SPEC 9.11). */
    record InvalidSession(String reason) implements ConnectionEvent {
        public static final String TYPE = "invalid_session";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code subscribed} {@code {guild_id, channel_id}}. */
    record Subscribed(String guildId, String channelId) implements ConnectionEvent {
        public static final String TYPE = "subscribed";

        public static Subscribed of(GuildId guild, ChannelId channel) {
            return new Subscribed(guild.value(), channel.value());
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code unsubscribed} {@code {guild_id, channel_id, reason: "kick"|"ban"|"permission"}}. */
    record Unsubscribed(String guildId, String channelId, String reason) implements ConnectionEvent {
        public static final String TYPE = "unsubscribed";

        public static Unsubscribed of(GuildId guild, ChannelId channel, String reason) {
            return new Unsubscribed(guild.value(), channel.value(), reason);
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code error} {@code {code, t, guild_id?, channel_id?}} (SPEC 9.4). */
    record Error(String code, String t, Optional<String> guildId, Optional<String> channelId)
            implements ConnectionEvent {
        public static final String TYPE = "error";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code presence_sync} {@code {guild_id, user_ids}}: the online users of the guild, sorted. */
    record PresenceSync(String guildId, List<String> userIds) implements ConnectionEvent {
        public static final String TYPE = "presence_sync";

        public PresenceSync {
            userIds = List.copyOf(userIds);
        }

        public static PresenceSync of(GuildId guild, List<UserId> online) {
            return new PresenceSync(guild.value(), online.stream().map(UserId::value).toList());
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code voice_participant_sync} {@code {guild_id, channel_id, participants, synced_at_unix}}. */
    record VoiceParticipantSync(String guildId, String channelId, List<VoiceParticipantShape> participants,
                                long syncedAtUnix) implements ConnectionEvent {
        public static final String TYPE = "voice_participant_sync";

        public static VoiceParticipantSync of(VoiceRoom room, List<VoiceParticipant> participants, Instant at) {
            return new VoiceParticipantSync(room.guild().value(), room.channel().value(),
                    participants.stream().map(VoiceParticipantShape::of).toList(), at.getEpochSecond());
        }

        public VoiceParticipantSync {
            participants = List.copyOf(participants);
        }

        @Override
        public String type() {
            return TYPE;
        }
    }
}
