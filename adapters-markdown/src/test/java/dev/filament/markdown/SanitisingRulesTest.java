package dev.filament.markdown;

import static dev.filament.markdown.Tok.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.message.MarkdownToken;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sanitising rules 1-4 of SPEC 8.3, each with examples that pass and examples that are stripped. */
class SanitisingRulesTest {

    private final CommonmarkTokenizer tokenizer = new CommonmarkTokenizer();

    static Stream<Arguments> rawHtml() {
        return Stream.of(
                Arguments.of("inline tags dropped, text around and between kept", "a <b>x</b> c",
                        List.of(P, text("a x c"), P_END)),
                Arguments.of("inline comment dropped", "a<!-- secret -->b", List.of(P, text("ab"), P_END)),
                Arguments.of("inline tag with attributes dropped", "x <img src=y onerror=alert(1)> z",
                        List.of(P, text("x  z"), P_END)),
                Arguments.of("html block dropped with its content", "<div>\n<b>hi</b>\n</div>\n\nok",
                        List.of(P, text("ok"), P_END)),
                Arguments.of("script block dropped with its content", "<script>\nalert(1)\n</script>",
                        List.of()));
    }

    static Stream<Arguments> links() {
        return Stream.of(
                Arguments.of("https kept", "[t](https://a.b)", List.of(P, link("https://a.b"), text("t"), LINK_END, P_END)),
                Arguments.of("scheme case-insensitive, href unchanged", "[t](HtTp://A.b)",
                        List.of(P, link("HtTp://A.b"), text("t"), LINK_END, P_END)),
                Arguments.of("mailto kept", "[mail](mailto:a@b.c)",
                        List.of(P, link("mailto:a@b.c"), text("mail"), LINK_END, P_END)),
                Arguments.of("destination trimmed", "[t](< https://a.b >)",
                        List.of(P, link("https://a.b"), text("t"), LINK_END, P_END)),
                Arguments.of("javascript keeps text only", "[click](javascript:alert(1))", List.of(P, text("click"), P_END)),
                Arguments.of("javascript hidden behind spaces", "[t](< JavaScript:alert(1)>)", List.of(P, text("t"), P_END)),
                Arguments.of("data keeps text only", "[t](data:text/html,x)", List.of(P, text("t"), P_END)),
                Arguments.of("relative target keeps text only", "[t](/path)", List.of(P, text("t"), P_END)),
                Arguments.of("non-ASCII look-alike scheme rejected", "[t](httpſ://a.b)", List.of(P, text("t"), P_END)),
                Arguments.of("formatting inside a rejected link kept", "[*t*](javascript:x)",
                        List.of(P, EM, text("t"), EM_END, P_END)),
                Arguments.of("reference link follows the same rule", "[t][r]\n\n[r]: https://ok.example",
                        List.of(P, link("https://ok.example"), text("t"), LINK_END, P_END)),
                Arguments.of("rejected reference link", "[t][r]\n\n[r]: javascript:x", List.of(P, text("t"), P_END)),
                Arguments.of("autolink", "<https://a.b/c>",
                        List.of(P, link("https://a.b/c"), text("https://a.b/c"), LINK_END, P_END)),
                Arguments.of("email autolink becomes mailto", "<a@b.co>",
                        List.of(P, link("mailto:a@b.co"), text("a@b.co"), LINK_END, P_END)),
                Arguments.of("javascript autolink keeps text only", "<javascript:alert(1)>",
                        List.of(P, text("javascript:alert(1)"), P_END)));
    }

    static Stream<Arguments> bareUrls() {
        return Stream.of(
                Arguments.of("upper-case scheme detected", "HTTPS://x",
                        List.of(P, link("HTTPS://x"), text("HTTPS://x"), LINK_END, P_END)),
                Arguments.of("trailing punctuation trimmed", "see https://a.b/c).",
                        List.of(P, text("see "), link("https://a.b/c"), text("https://a.b/c"), LINK_END, text(")."), P_END)),
                Arguments.of("every trailing punctuation char trimmed", "http://a.b)]}.,!?;: next",
                        List.of(P, link("http://a.b"), text("http://a.b"), LINK_END, text(")]}.,!?;: next"), P_END)),
                Arguments.of("inner punctuation kept", "https://a.b/x?q=1.2,3",
                        List.of(P, link("https://a.b/x?q=1.2,3"), text("https://a.b/x?q=1.2,3"), LINK_END, P_END)),
                Arguments.of("mailto detected", "write mailto:me@x.y!",
                        List.of(P, text("write "), link("mailto:me@x.y"), text("mailto:me@x.y"), LINK_END, text("!"), P_END)),
                Arguments.of("ends before whitespace", "a http://x.y\tb",
                        List.of(P, text("a "), link("http://x.y"), text("http://x.y"), LINK_END, text("\tb"), P_END)),
                Arguments.of("two urls", "http://a https://b",
                        List.of(P, link("http://a"), text("http://a"), LINK_END, text(" "),
                                link("https://b"), text("https://b"), LINK_END, P_END)),
                Arguments.of("bare scheme without target stays text", "https:// and mailto: and http://.",
                        List.of(P, text("https:// and mailto: and http://."), P_END)),
                Arguments.of("other schemes stay text", "javascript:alert(1) ftp://x",
                        List.of(P, text("javascript:alert(1) ftp://x"), P_END)),
                Arguments.of("split by escapes still one url", "https://a.b/x\\_y",
                        List.of(P, link("https://a.b/x_y"), text("https://a.b/x_y"), LINK_END, P_END)),
                Arguments.of("url inside inline code not linked", "`https://a.b`", List.of(P, code("https://a.b"), P_END)),
                Arguments.of("url inside a code block not linked", "```\nhttps://a.b\n```", List.of(block(null, "https://a.b\n"))),
                Arguments.of("url inside a link not re-linked", "[see https://y.z](http://a.b)",
                        List.of(P, link("http://a.b"), text("see https://y.z"), LINK_END, P_END)),
                Arguments.of("url inside a rejected link not linked", "[https://y.z](javascript:x)",
                        List.of(P, text("https://y.z"), P_END)),
                Arguments.of("url inside emphasis linked", "*https://a.b*",
                        List.of(P, EM, link("https://a.b"), text("https://a.b"), LINK_END, EM_END, P_END)),
                Arguments.of("url in heading linked", "# http://a.b",
                        List.of(h(1), link("http://a.b"), text("http://a.b"), LINK_END, H_END)));
    }

    static Stream<Arguments> otherConstructs() {
        return Stream.of(
                Arguments.of("image emits alt text only", "![a *cat* `pic`](javascript:x)", List.of(P, text("a cat pic"), P_END)),
                Arguments.of("image inside a link", "[![logo](i.png)](https://a.b)",
                        List.of(P, link("https://a.b"), text("logo"), LINK_END, P_END)),
                Arguments.of("url in alt text not linked", "![https://a.b](i.png)", List.of(P, text("https://a.b"), P_END)),
                Arguments.of("block quote emits inner tokens", "> quoted *x*",
                        List.of(P, text("quoted "), EM, text("x"), EM_END, P_END)),
                Arguments.of("nested block quotes", "> > deep", List.of(P, text("deep"), P_END)),
                Arguments.of("thematic break emits nothing", "a\n\n---\n\nb", List.of(P, text("a"), P_END, P, text("b"), P_END)),
                Arguments.of("link reference definition emits nothing", "[r]: https://a.b", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rawHtml")
    void rule1_rawHtmlProducesNoToken(String name, String content, List<MarkdownToken> expected) {
        assertThat(mergedText(tokenizer.tokenize(content))).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("links")
    void rule2_onlyHttpHttpsMailtoLinksSurvive(String name, String content, List<MarkdownToken> expected) {
        assertThat(mergedText(tokenizer.tokenize(content))).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bareUrls")
    void rule3_bareUrlsOutsideLinksAndCodeBecomeLinks(String name, String content, List<MarkdownToken> expected) {
        assertThat(mergedText(tokenizer.tokenize(content))).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherConstructs")
    void rule4_imagesQuotesAndBreaksEmitOnlyInnerText(String name, String content, List<MarkdownToken> expected) {
        assertThat(mergedText(tokenizer.tokenize(content))).containsExactlyElementsOf(expected);
    }
}
