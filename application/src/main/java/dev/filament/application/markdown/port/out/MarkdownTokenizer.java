package dev.filament.application.markdown.port.out;

import dev.filament.domain.message.MarkdownToken;
import java.util.List;

/**
 * Out-port: turns message content into the flat, sanitised markdown token list of SPEC 8.3.
 *
 * <p>Semantics: a pure function of {@code content} (identical content gives an equal list, so tokens may be computed
 * on read or on write), CommonMark core without extensions, every sanitising rule and cap of 8.3 applied. Never
 * throws for any non-null string. Threading: thread-safe and non-blocking; one instance is shared by all requests.
 */
public interface MarkdownTokenizer {

    /** The tokens of {@code content}, at most {@link MarkdownToken#MAX_TOKENS}; the returned list is immutable. */
    List<MarkdownToken> tokenize(String content);
}
