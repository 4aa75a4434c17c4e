package dev.filament.application.wire;

import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageView;
import dev.filament.domain.message.MarkdownToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code MessageResponse} (SPEC 8.2), also the flat {@code d} of {@code message_create}: {@code {message_id, guild_id,
 * channel_id, author_id, content, markdown_tokens, attachments, reactions, created_at_unix, edited_at_unix|null}}.
 */
public record MessageResponse(String messageId, String guildId, String channelId, String authorId, String content,
                              List<TokenShape> markdownTokens, List<Attachment> attachments,
                              List<Reaction> reactions, long createdAtUnix, Long editedAtUnix) {
    public MessageResponse {
        markdownTokens = List.copyOf(markdownTokens);
        attachments = List.copyOf(attachments);
        reactions = List.copyOf(reactions);
    }

    /** A message without reactions (a new one, or the flat {@code d} of {@code message_create}). */
    public static MessageResponse of(Message m, List<MarkdownToken> tokens) {
        return of(new MessageView(m, tokens));
    }

    /** The view with its reactions as computed for the caller. */
    public static MessageResponse of(MessageView view) {
        Message m = view.message();
        return new MessageResponse(m.id().value(), m.guildId().value(), m.channelId().value(), m.authorId().value(),
                m.content().value(), TokenShape.list(view.markdownTokens()),
                view.attachments().stream().map(Attachment::of).toList(),
                view.reactions().stream().map(Reaction::of).toList(),
                m.createdAt().getEpochSecond(), m.editedAt().map(Instant::getEpochSecond).orElse(null));
    }

    /** {@code Attachment = {attachment_id, guild_id, channel_id, owner_id, filename, mime_type, size_bytes, sha256_hex}}. */
    public record Attachment(String attachmentId, String guildId, String channelId, String ownerId, String filename,
                             String mimeType, long sizeBytes, String sha256Hex) {
        public static Attachment of(dev.filament.domain.message.Attachment a) {
            return new Attachment(a.id().value(), a.guildId().value(), a.channelId().value(), a.ownerId().value(),
                    a.filename().value(), a.mimeType(), a.sizeBytes(), a.sha256Hex());
        }
    }

    /** {@code Reaction = {emoji, count, reacted_by_me, reactor_user_ids?}}. */
    public record Reaction(String emoji, int count, boolean reactedByMe, Optional<List<String>> reactorUserIds) {
        /** {@code reactor_user_ids} omitted when nobody reacts (count 0 after a remove). */
        public static Reaction of(dev.filament.domain.message.Reaction r) {
            List<String> ids = r.reactorIds().stream().map(UserId::value).toList();
            return new Reaction(r.emoji().value(), r.count(), r.reactedByMe(),
                    ids.isEmpty() ? Optional.empty() : Optional.of(ids));
        }
    }
}
