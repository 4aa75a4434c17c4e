package dev.filament.application.markdown.port.out;

import dev.filament.domain.message.MarkdownToken;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fake {@link MarkdownTokenizer}: every content is one paragraph of one text token, a pure function of the content
 * as the port demands; counts its calls so tests can see tokens are computed once per message and response.
 */
public final class ParagraphTokenizer implements MarkdownTokenizer {
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public List<MarkdownToken> tokenize(String content) {
        calls.incrementAndGet();
        return List.of(new MarkdownToken.ParagraphStart(), new MarkdownToken.Text(content),
                new MarkdownToken.ParagraphEnd());
    }

    public int calls() {
        return calls.get();
    }
}
