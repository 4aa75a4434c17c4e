package dev.filament.markdown;

import dev.filament.application.markdown.port.out.MarkdownTokenizer;
import dev.filament.domain.message.MarkdownToken;
import java.util.List;
import java.util.Objects;
import org.commonmark.parser.Parser;

/**
 * Markdown tokenizer on commonmark-java: CommonMark core without extensions, sanitised and capped as SPEC 8.3 says.
 *
 * <p>commonmark-java parses in linear time and its {@link Parser} is immutable and thread-safe, so one instance
 * serves every request; the per-call state lives in a fresh {@link TokenWalker}, whose walk is iterative so deep
 * nesting cannot overflow the stack.
 */
public final class CommonmarkTokenizer implements MarkdownTokenizer {

    // No extensions: the contract is the CommonMark core (SPEC 16, choice 5).
    private final Parser parser = Parser.builder().build();

    @Override
    public List<MarkdownToken> tokenize(String content) {
        Objects.requireNonNull(content, "content");
        return new TokenWalker().walk(parser.parse(content));
    }
}
