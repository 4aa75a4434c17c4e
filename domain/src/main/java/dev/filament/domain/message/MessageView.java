package dev.filament.domain.message;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Result of the message use cases: a message with its markdown tokens, shaped on the wire as {@code MessageResponse}
 * (SPEC 8.2), which is also the flat {@code d} of {@code message_create} (SPEC 9.5).
 */
public record MessageView(Message message, List<MarkdownToken> markdownTokens) {
    public MessageView {
        Objects.requireNonNull(message, "message");
        markdownTokens = List.copyOf(markdownTokens);
    }

    /**
     * {@code {message_id, guild_id, channel_id, author_id, content, markdown_tokens, attachments: [], reactions: [],
     * created_at_unix, edited_at_unix|null}}; Phase 1 carries no attachments or reactions (SPEC 0).
     */
    public Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("message_id", message.id().value());
        wire.put("guild_id", message.guildId().value());
        wire.put("channel_id", message.channelId().value());
        wire.put("author_id", message.authorId().value());
        wire.put("content", message.content().value());
        wire.put("markdown_tokens", tokensWire());
        wire.put("attachments", List.of());
        wire.put("reactions", List.of());
        wire.put("created_at_unix", message.createdAt().getEpochSecond());
        wire.put("edited_at_unix", message.editedAt().map(t -> (Object) t.getEpochSecond()).orElse(null));
        return wire;
    }

    /**
     * The tokens as wire objects (SPEC 8.3): {@code type} first, then the fields in table order. Kept only until the
     * message hand-offs publish {@link dev.filament.application.wire.ChannelEvent} records.
     */
    public List<Map<String, Object>> tokensWire() {
        return markdownTokens.stream().map(MessageView::tokenWire).toList();
    }

    private static Map<String, Object> tokenWire(MarkdownToken token) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("type", token.type());
        switch (token) {
            case MarkdownToken.HeadingStart h -> wire.put("level", h.level());
            case MarkdownToken.ListStart l -> wire.put("ordered", l.ordered());
            case MarkdownToken.LinkStart l -> wire.put("href", l.href());
            case MarkdownToken.Text t -> wire.put("text", t.text());
            case MarkdownToken.Code c -> wire.put("code", c.code());
            case MarkdownToken.FencedCode f -> {
                wire.put("language", f.language().orElse(null));
                wire.put("code", f.code());
            }
            default -> {
                // marker tokens carry no fields
            }
        }
        return wire;
    }
}
