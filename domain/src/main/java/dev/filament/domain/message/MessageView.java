package dev.filament.domain.message;

import java.util.List;
import java.util.Objects;

/**
 * Result of the message use cases: a message with its markdown tokens and its reactions as seen by the caller. Its
 * wire shape is {@code application.wire.MessageResponse} (SPEC 8.2), which is also the flat {@code d} of
 * {@code message_create} (SPEC 9.5, always {@code reactions: []}); the domain builds no wire payloads.
 */
public record MessageView(Message message, List<MarkdownToken> markdownTokens, List<Reaction> reactions) {
    public MessageView {
        Objects.requireNonNull(message, "message");
        markdownTokens = List.copyOf(markdownTokens);
        reactions = List.copyOf(reactions);
    }

    /** A view without reactions (a new message). */
    public MessageView(Message message, List<MarkdownToken> markdownTokens) {
        this(message, markdownTokens, List.of());
    }
}
