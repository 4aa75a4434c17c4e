package dev.filament.markdown;

import dev.filament.domain.message.MarkdownToken;
import java.util.ArrayList;
import java.util.List;

/** Collects the tokens of one message, enforcing the token cap and the text/code byte caps of SPEC 8.3 rule 5. */
final class TokenSink {

    private final List<MarkdownToken> tokens = new ArrayList<>();

    /** Adds the token unless the cap is reached; everything past the cap is dropped. */
    void add(MarkdownToken token) {
        if (tokens.size() < MarkdownToken.MAX_TOKENS) {
            tokens.add(token);
        }
    }

    /** Adds a truncated {@code text} token; empty text carries nothing, so it is skipped. */
    void text(String text) {
        if (!text.isEmpty()) {
            add(new MarkdownToken.Text(Utf8Limit.truncate(text, MarkdownToken.MAX_TEXT_BYTES)));
        }
    }

    void code(String code) {
        add(new MarkdownToken.Code(Utf8Limit.truncate(code, MarkdownToken.MAX_TEXT_BYTES)));
    }

    boolean isFull() {
        return tokens.size() >= MarkdownToken.MAX_TOKENS;
    }

    List<MarkdownToken> toList() {
        return List.copyOf(tokens);
    }
}
