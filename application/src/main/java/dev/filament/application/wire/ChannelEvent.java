package dev.filament.application.wire;

import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageView;
import dev.filament.domain.message.Reaction;
import dev.filament.domain.message.MarkdownToken;
import dev.filament.domain.voice.FlagChanges;
import dev.filament.domain.voice.StreamSource;
import dev.filament.domain.voice.VoiceParticipant;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The events of SPEC 9.5 sent to the connections subscribed to one (guild, channel). */
public sealed interface ChannelEvent extends ServerEvent {

    /** {@code message_create}: the flat {@code MessageResponse} (the serializer writes {@link #message()} as d). */
    record MessageCreate(MessageResponse message) implements ChannelEvent {
        public static final String TYPE = "message_create";

        public static MessageCreate of(Message m, List<MarkdownToken> tokens) {
            return new MessageCreate(MessageResponse.of(m, tokens));
        }

        /** The new message with its attachments; {@code reactions: []} (events are not per viewer, SPEC 8.2). */
        public static MessageCreate of(MessageView view) {
            return new MessageCreate(MessageResponse.of(new MessageView(view.message(), view.markdownTokens(),
                    view.attachments(), List.of())));
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code message_update} {@code {guild_id, channel_id, message_id, updated_fields, updated_at_unix}}. */
    record MessageUpdate(String guildId, String channelId, String messageId, ContentFields updatedFields,
                         long updatedAtUnix) implements ChannelEvent {
        public static final String TYPE = "message_update";

        /** Stamped with {@code edited_at} (the creation time for a message never edited). */
        public static MessageUpdate of(Message m, List<MarkdownToken> tokens) {
            return new MessageUpdate(m.guildId().value(), m.channelId().value(), m.id().value(),
                    new ContentFields(m.content().value(), TokenShape.list(tokens)),
                    m.editedAt().orElse(m.createdAt()).getEpochSecond());
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code updated_fields} of {@code message_update}: {@code {content, markdown_tokens}}. */
    record ContentFields(String content, List<TokenShape> markdownTokens) {
        public ContentFields {
            markdownTokens = List.copyOf(markdownTokens);
        }
    }

    /** {@code message_delete} {@code {guild_id, channel_id, message_id, deleted_at_unix}}. */
    record MessageDelete(String guildId, String channelId, String messageId, long deletedAtUnix)
            implements ChannelEvent {
        public static final String TYPE = "message_delete";

        public static MessageDelete of(Message m, Instant at) {
            return new MessageDelete(m.guildId().value(), m.channelId().value(), m.id().value(), at.getEpochSecond());
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * {@code message_reaction} {@code {guild_id, channel_id, message_id, emoji, count, operation, actor_user_id}}
     * (SPEC 8.6): {@code count} as read under the message lock; no {@code reacted_by_me} (events are not per viewer).
     */
    record MessageReaction(String guildId, String channelId, String messageId, String emoji, int count,
                           String operation, String actorUserId) implements ChannelEvent {
        public static final String TYPE = "message_reaction";

        /** @param added true for {@code "add"}, false for {@code "remove"} */
        public static MessageReaction of(Message m, Reaction r, boolean added, UserId actor) {
            return new MessageReaction(m.guildId().value(), m.channelId().value(), m.id().value(), r.emoji().value(),
                    r.count(), added ? "add" : "remove", actor.value());
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code voice_participant_join} {@code {guild_id, channel_id, participant}}. */
    record VoiceParticipantJoin(String guildId, String channelId, VoiceParticipantShape participant)
            implements ChannelEvent {
        public static final String TYPE = "voice_participant_join";

        public static VoiceParticipantJoin of(VoiceRoom room, VoiceParticipant p) {
            return new VoiceParticipantJoin(room.guild().value(), room.channel().value(), VoiceParticipantShape.of(p));
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code voice_participant_leave} {@code {guild_id, channel_id, user_id, identity, left_at_unix}}. */
    record VoiceParticipantLeave(String guildId, String channelId, String userId, String identity, long leftAtUnix)
            implements ChannelEvent {
        public static final String TYPE = "voice_participant_leave";

        public static VoiceParticipantLeave of(VoiceRoom room, VoiceParticipant p, Instant at) {
            return new VoiceParticipantLeave(room.guild().value(), room.channel().value(), p.user().value(),
                    p.identity().value(), at.getEpochSecond());
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code voice_participant_update} {@code {guild_id, channel_id, user_id, identity, updated_fields, updated_at_unix}}. */
    record VoiceParticipantUpdate(String guildId, String channelId, String userId, String identity,
                                  VoiceFlags updatedFields, long updatedAtUnix) implements ChannelEvent {
        public static final String TYPE = "voice_participant_update";

        /** Carries only the flags in {@code flags}. */
        public static VoiceParticipantUpdate of(VoiceRoom room, VoiceParticipant p, FlagChanges flags, Instant at) {
            return new VoiceParticipantUpdate(room.guild().value(), room.channel().value(), p.user().value(),
                    p.identity().value(), new VoiceFlags(flags.muted(), flags.deafened(), flags.speaking(),
                    flags.videoEnabled(), flags.screenShareEnabled()), at.getEpochSecond());
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code updated_fields} of {@code voice_participant_update}: only the flags that changed. */
    record VoiceFlags(Optional<Boolean> isMuted, Optional<Boolean> isDeafened, Optional<Boolean> isSpeaking,
                      Optional<Boolean> isVideoEnabled, Optional<Boolean> isScreenShareEnabled) {
    }

    /** {@code voice_stream_publish} {@code {guild_id, channel_id, user_id, identity, stream, published_at_unix}}. */
    record VoiceStreamPublish(String guildId, String channelId, String userId, String identity, String stream,
                              long publishedAtUnix) implements ChannelEvent {
        public static final String TYPE = "voice_stream_publish";

        public static VoiceStreamPublish of(VoiceRoom room, VoiceParticipant p, StreamSource s, Instant at) {
            return new VoiceStreamPublish(room.guild().value(), room.channel().value(), p.user().value(),
                    p.identity().value(), s.wire(), at.getEpochSecond());
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code voice_stream_unpublish} {@code {guild_id, channel_id, user_id, identity, stream, unpublished_at_unix}}. */
    record VoiceStreamUnpublish(String guildId, String channelId, String userId, String identity, String stream,
                                long unpublishedAtUnix) implements ChannelEvent {
        public static final String TYPE = "voice_stream_unpublish";

        public static VoiceStreamUnpublish of(VoiceRoom room, VoiceParticipant p, StreamSource s, Instant at) {
            return new VoiceStreamUnpublish(room.guild().value(), room.channel().value(), p.user().value(),
                    p.identity().value(), s.wire(), at.getEpochSecond());
        }

        @Override
        public String type() {
            return TYPE;
        }
    }
}
