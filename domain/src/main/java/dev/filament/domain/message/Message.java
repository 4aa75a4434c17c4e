package dev.filament.domain.message;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Entity: a message row (SPEC 12 {@code messages}). {@code revision} starts at 0 and grows by one per edit; times are
 * whole seconds, so stored and reported values are equal (SPEC 1.3).
 */
public record Message(MessageId id, GuildId guildId, ChannelId channelId, UserId authorId, MessageContent content,
                      int revision, Instant createdAt, Optional<Instant> editedAt) {
    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(guildId, "guildId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(content, "content");
        if (revision < 0) {
            throw new IllegalArgumentException("revision must be >= 0, was " + revision);
        }
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.SECONDS);
        editedAt = Objects.requireNonNull(editedAt, "editedAt").map(t -> t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Create new: revision 0, never edited. */
    public static Message post(MessageId id, GuildId guild, ChannelId channel, UserId author, MessageContent content,
                               Instant now) {
        return new Message(id, guild, channel, author, content, 0, now, Optional.empty());
    }

    /** Rebuild from storage. */
    public static Message rebuild(MessageId id, GuildId guild, ChannelId channel, UserId author,
                                  MessageContent content, int revision, Instant createdAt,
                                  Optional<Instant> editedAt) {
        return new Message(id, guild, channel, author, content, revision, createdAt, editedAt);
    }

    /** The message after one edit: new content, {@code edited_at}, revision + 1; creation time unchanged. */
    public Message edited(MessageContent newContent, Instant at) {
        return new Message(id, guildId, channelId, authorId, newContent, revision + 1, createdAt, Optional.of(at));
    }

    public boolean isAuthoredBy(UserId user) {
        return authorId.equals(user);
    }
}
