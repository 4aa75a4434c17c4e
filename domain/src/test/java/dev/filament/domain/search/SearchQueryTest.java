package dev.filament.domain.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.domain.error.InvalidRequestException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SearchQueryTest {

    /** Expected lexemes written as "word" or "word*" (prefix), space separated; "" for none. */
    static Stream<Arguments> lexemeTable() {
        return Stream.of(
                Arguments.of("hello", "hello"),
                Arguments.of("  Hello   WORLD  ", "hello world"),
                Arguments.of("hel*", "hel*"),
                Arguments.of("foo*bar", "foobar"),
                Arguments.of("*foo", "foo"),
                Arguments.of("foo**", "foo*"),
                Arguments.of("foo*?", "foo*"),
                Arguments.of("*", ""),
                Arguments.of("* ? ~", ""),
                Arguments.of("!!! ... ---", ""),
                Arguments.of("foo?bar", "foo bar"),
                Arguments.of("foo~bar~", "foo bar"),
                Arguments.of("it's", "it s"),
                Arguments.of("e-mail@example.org", "e mail example org"),
                Arguments.of("a&b|c!(d)<->e", "a b c d e"),
                Arguments.of("'; drop table messages; --", "drop table messages"),
                Arguments.of("abc123 42", "abc123 42"),
                Arguments.of("Über ÉCOLE", "über école"),
                Arguments.of("Straße*", "straße*"),
                Arguments.of("日本語 テスト", "日本語 テスト"),
                Arguments.of("हिन्दी", "हिन्दी"),
                Arguments.of("Ελληνικά-κείμενο", "ελληνικά κείμενο"),
                Arguments.of("snake_case", "snake case"),
                Arguments.of("emoji😀inside", "emoji inside"),
                Arguments.of("tab\tseparated\u2003terms", "tab separated terms"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("lexemeTable")
    void extractsLexemes(String q, String expected) {
        SearchQuery query = SearchQuery.parse(q);
        assertThat(render(query)).isEqualTo(expected);
        assertThat(query.isEmpty()).isEqualTo(expected.isEmpty());
    }

    static Stream<Arguments> rejectedTable() {
        String twentyOne = String.join(" ", java.util.Collections.nCopies(21, "w"));
        return Stream.of(
                Arguments.of("", "1..256 bytes"),
                Arguments.of("   \t ", "1..256 bytes"),
                Arguments.of(null, "1..256 bytes"),
                Arguments.of("a".repeat(257), "1..256 bytes"),
                Arguments.of("é".repeat(129), "1..256 bytes"), // 258 bytes, 129 chars
                Arguments.of("日".repeat(85) + "ab", "1..256 bytes"), // 257 bytes of multi-byte text
                Arguments.of(twentyOne, "at most 20 terms"),
                Arguments.of("a:b", "':'"),
                Arguments.of("title:", "':'"),
                Arguments.of("a* b* c* d* e*", "'*' and '?'"),
                Arguments.of("a?? b?? c?", "'*' and '?'"),
                Arguments.of("a~ b~ c~", "'~'"),
                Arguments.of("nul\u0000byte", "U+0000"));
    }

    @ParameterizedTest(name = "[{index}] rejects {0}")
    @MethodSource("rejectedTable")
    void rejectsQueriesBreakingTheRules(String q, String reason) {
        assertThatThrownBy(() -> SearchQuery.parse(q))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(reason)
                .extracting(e -> ((InvalidRequestException) e).code()).isEqualTo("invalid_request");
    }

    static Stream<Arguments> acceptedAtTheLimits() {
        String twenty = String.join(" ", java.util.Collections.nCopies(20, "w"));
        return Stream.of(
                Arguments.of("a".repeat(256)),
                Arguments.of("  " + "a".repeat(256) + "  "), // bytes counted after trimming
                Arguments.of("é".repeat(128)), // exactly 256 bytes
                Arguments.of("日".repeat(85) + "a"), // exactly 256 bytes
                Arguments.of(twenty),
                Arguments.of("a* b* c? d?"),
                Arguments.of("a~ b~"));
    }

    @ParameterizedTest(name = "[{index}] accepts {0}")
    @MethodSource("acceptedAtTheLimits")
    void acceptsQueriesAtTheLimits(String q) {
        assertThat(SearchQuery.parse(q).lexemes()).isNotEmpty();
    }

    @Test
    void lexemesArePrefixOnlyWhenTheirChunkEndsInAStar() {
        assertThat(SearchQuery.parse("ab* cd").lexemes())
                .containsExactly(SearchLexeme.prefix("ab"), SearchLexeme.exact("cd"));
    }

    @Test
    void lexemeMatchesWholeTokensOrPrefixes() {
        assertThat(SearchLexeme.exact("hel").matches("hello")).isFalse();
        assertThat(SearchLexeme.exact("hello").matches("hello")).isTrue();
        assertThat(SearchLexeme.prefix("hel").matches("hello")).isTrue();
        assertThat(SearchLexeme.prefix("hex").matches("hello")).isFalse();
    }

    @Test
    void lexemeRejectsTextTheParserCouldNeverProduce() {
        assertThatThrownBy(() -> SearchLexeme.exact("")).hasMessageContaining("text");
        assertThatThrownBy(() -> SearchLexeme.exact("a b")).hasMessageContaining("letters and digits");
        assertThatThrownBy(() -> SearchLexeme.exact("a'b")).hasMessageContaining("letters and digits");
        assertThatThrownBy(() -> SearchLexeme.exact("Abc")).hasMessageContaining("lower case");
    }

    private static String render(SearchQuery query) {
        return query.lexemes().stream()
                .map(l -> l.text() + (l.prefix() ? "*" : ""))
                .collect(Collectors.joining(" "));
    }

}
