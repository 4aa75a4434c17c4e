package dev.filament.domain.message;

import java.util.List;
import java.util.Objects;

/**
 * Result of the message use cases: a message with its markdown tokens, its attachments and its reactions as seen by
 * the caller. Its wire shape is {@code application.wire.MessageResponse} (SPEC 8.2), which is also the flat {@code d}
 * of {@code message_create} (SPEC 9.5: attachments filled, always {@code reactions: []}); the domain builds no wire
 * payloads.
 */
public record MessageView(Message message, List<MarkdownToken> markdownTokens, List<Attachment> attachments,
                          List<Reaction> reactions) {
    public MessageView {
        Objects.requireNonNull(message, "message");
        markdownTokens = List.copyOf(markdownTokens);
        attachments = List.copyOf(attachments);
        reactions = List.copyOf(reactions);
    }

    /** The stored message with its tokens. */
    public static MessageView of(StoredMessage stored, List<MarkdownToken> markdownTokens) {
        return new MessageView(stored.message(), markdownTokens, stored.attachments(), stored.reactions());
    }

    /** A view without attachments or reactions. */
    public MessageView(Message message, List<MarkdownToken> markdownTokens) {
        this(message, markdownTokens, List.of(), List.of());
    }
}
