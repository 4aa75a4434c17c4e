package dev.filament.application.wire;

import dev.filament.domain.message.Message;
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

    /** Phase 1 carries no attachments or reactions (SPEC 0). */
    public static MessageResponse of(Message m, List<MarkdownToken> tokens) {
        return new MessageResponse(m.id().value(), m.guildId().value(), m.channelId().value(), m.authorId().value(),
                m.content().value(), TokenShape.list(tokens), List.of(), List.of(),
                m.createdAt().getEpochSecond(), m.editedAt().map(Instant::getEpochSecond).orElse(null));
    }

    /** {@code Attachment = {attachment_id, guild_id, channel_id, owner_id, filename, mime_type, size_bytes, sha256_hex}}. */
    public record Attachment(String attachmentId, String guildId, String channelId, String ownerId, String filename,
                             String mimeType, long sizeBytes, String sha256Hex) {
    }

    /** {@code Reaction = {emoji, count, reacted_by_me, reactor_user_ids?}}. */
    public record Reaction(String emoji, int count, boolean reactedByMe, Optional<List<String>> reactorUserIds) {
    }
}
