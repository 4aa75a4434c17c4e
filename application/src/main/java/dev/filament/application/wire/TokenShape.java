package dev.filament.application.wire;

import dev.filament.domain.message.MarkdownToken;
import java.util.List;

/**
 * One markdown token on the wire (SPEC 8.3): {@code type} first, then the token's fields in table order. The domain
 * keeps the token model; this is only its shape.
 */
public sealed interface TokenShape {

    String type();

    /** The wire list of a token list. */
    static List<TokenShape> list(List<MarkdownToken> tokens) {
        return tokens.stream().map(TokenShape::of).toList();
    }

    static TokenShape of(MarkdownToken token) {
        return switch (token) {
            case MarkdownToken.HeadingStart h -> new HeadingStart(h.type(), h.level());
            case MarkdownToken.ListStart l -> new ListStart(l.type(), l.ordered());
            case MarkdownToken.LinkStart l -> new LinkStart(l.type(), l.href());
            case MarkdownToken.Text t -> new Text(t.type(), t.text());
            case MarkdownToken.Code c -> new Code(c.type(), c.code());
            case MarkdownToken.FencedCode f -> new FencedCode(f.type(), f.language().orElse(null), f.code());
            default -> new Marker(token.type());
        };
    }

    /** A start or end marker, or a line break: only {@code type}. */
    record Marker(String type) implements TokenShape {
    }

    record HeadingStart(String type, int level) implements TokenShape {
    }

    record ListStart(String type, boolean ordered) implements TokenShape {
    }

    record LinkStart(String type, String href) implements TokenShape {
    }

    record Text(String type, String text) implements TokenShape {
    }

    record Code(String type, String code) implements TokenShape {
    }

    /** {@code language} is {@code null} when the block has none. */
    record FencedCode(String type, String language, String code) implements TokenShape {
    }
}
