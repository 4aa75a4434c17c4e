package dev.filament.markdown;

import dev.filament.domain.message.MarkdownToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Short factories for expected tokens, and the text-merging normalisation the contract allows (SPEC 8.3). */
final class Tok {

    static final MarkdownToken P = new MarkdownToken.ParagraphStart();
    static final MarkdownToken P_END = new MarkdownToken.ParagraphEnd();
    static final MarkdownToken H_END = new MarkdownToken.HeadingEnd();
    static final MarkdownToken EM = new MarkdownToken.EmphasisStart();
    static final MarkdownToken EM_END = new MarkdownToken.EmphasisEnd();
    static final MarkdownToken STRONG = new MarkdownToken.StrongStart();
    static final MarkdownToken STRONG_END = new MarkdownToken.StrongEnd();
    static final MarkdownToken UL = new MarkdownToken.ListStart(false);
    static final MarkdownToken OL = new MarkdownToken.ListStart(true);
    static final MarkdownToken LIST_END = new MarkdownToken.ListEnd();
    static final MarkdownToken LI = new MarkdownToken.ListItemStart();
    static final MarkdownToken LI_END = new MarkdownToken.ListItemEnd();
    static final MarkdownToken LINK_END = new MarkdownToken.LinkEnd();
    static final MarkdownToken SOFT = new MarkdownToken.SoftBreak();
    static final MarkdownToken HARD = new MarkdownToken.HardBreak();

    private Tok() {
    }

    static MarkdownToken h(int level) {
        return new MarkdownToken.HeadingStart(level);
    }

    static MarkdownToken link(String href) {
        return new MarkdownToken.LinkStart(href);
    }

    static MarkdownToken text(String text) {
        return new MarkdownToken.Text(text);
    }

    static MarkdownToken code(String code) {
        return new MarkdownToken.Code(code);
    }

    static MarkdownToken block(String language, String code) {
        return new MarkdownToken.FencedCode(Optional.ofNullable(language), code);
    }

    /** Tokens with adjacent text tokens joined: how text is split is not part of the contract, so tests ignore it. */
    static List<MarkdownToken> mergedText(List<MarkdownToken> tokens) {
        List<MarkdownToken> merged = new ArrayList<>();
        for (MarkdownToken token : tokens) {
            int last = merged.size() - 1;
            if (token instanceof MarkdownToken.Text next && last >= 0
                    && merged.get(last) instanceof MarkdownToken.Text previous) {
                merged.set(last, text(previous.text() + next.text()));
            } else {
                merged.add(token);
            }
        }
        return merged;
    }
}
