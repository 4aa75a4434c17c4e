package dev.filament.markdown;

import static dev.filament.markdown.Tok.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.message.MarkdownToken;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One example per token type of the SPEC 8.3 table. */
class TokenTypesTest {

    private final CommonmarkTokenizer tokenizer = new CommonmarkTokenizer();

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("paragraph", "hello", List.of(P, text("hello"), P_END)),
                Arguments.of("two paragraphs", "a\n\nb", List.of(P, text("a"), P_END, P, text("b"), P_END)),
                Arguments.of("ATX heading", "### Title", List.of(h(3), text("Title"), H_END)),
                Arguments.of("ATX heading level 6", "###### six", List.of(h(6), text("six"), H_END)),
                Arguments.of("setext heading 1", "Title\n=====", List.of(h(1), text("Title"), H_END)),
                Arguments.of("setext heading 2", "Title\n-----", List.of(h(2), text("Title"), H_END)),
                Arguments.of("emphasis with *", "*x*", List.of(P, EM, text("x"), EM_END, P_END)),
                Arguments.of("emphasis with _", "_x_", List.of(P, EM, text("x"), EM_END, P_END)),
                Arguments.of("strong", "**x**", List.of(P, STRONG, text("x"), STRONG_END, P_END)),
                Arguments.of("strong inside emphasis", "*a **b***",
                        List.of(P, EM, text("a "), STRONG, text("b"), STRONG_END, EM_END, P_END)),
                Arguments.of("bullet list", "- a\n- b", List.of(UL,
                        LI, P, text("a"), P_END, LI_END,
                        LI, P, text("b"), P_END, LI_END, LIST_END)),
                Arguments.of("ordered list", "1. a\n2. b", List.of(OL,
                        LI, P, text("a"), P_END, LI_END,
                        LI, P, text("b"), P_END, LI_END, LIST_END)),
                Arguments.of("ordered list nested in bullet list", "- a\n  1. x\n- b", List.of(UL,
                        LI, P, text("a"), P_END, OL, LI, P, text("x"), P_END, LI_END, LIST_END, LI_END,
                        LI, P, text("b"), P_END, LI_END, LIST_END)),
                Arguments.of("bullet list nested in ordered list", "1. a\n   - x", List.of(OL,
                        LI, P, text("a"), P_END, UL, LI, P, text("x"), P_END, LI_END, LIST_END, LI_END, LIST_END)),
                Arguments.of("inline link", "[site](https://example.org/a?b=c)",
                        List.of(P, link("https://example.org/a?b=c"), text("site"), LINK_END, P_END)),
                Arguments.of("inline code", "use `x < y` here",
                        List.of(P, text("use "), code("x < y"), text(" here"), P_END)),
                Arguments.of("fenced code with language", "```rust\nfn main() {}\n```",
                        List.of(block("rust", "fn main() {}\n"))),
                Arguments.of("fenced code without info", "~~~\nplain\n~~~", List.of(block(null, "plain\n"))),
                Arguments.of("indented code", "    let x = 1;\n    x", List.of(block(null, "let x = 1;\nx\n"))),
                Arguments.of("soft break", "a\nb", List.of(P, text("a"), SOFT, text("b"), P_END)),
                Arguments.of("hard break with two spaces", "a  \nb", List.of(P, text("a"), HARD, text("b"), P_END)),
                Arguments.of("hard break with backslash", "a\\\nb", List.of(P, text("a"), HARD, text("b"), P_END)),
                Arguments.of("backslash escapes and entities are text", "\\*not em\\* &amp; &#65;",
                        List.of(P, text("*not em* & A"), P_END)),
                Arguments.of("empty content", "", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void producesTheTokensOfTheSpecTable(String name, String content, List<MarkdownToken> expected) {
        assertThat(mergedText(tokenizer.tokenize(content))).containsExactlyElementsOf(expected);
    }
}
