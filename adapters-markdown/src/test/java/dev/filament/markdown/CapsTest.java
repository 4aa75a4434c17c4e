package dev.filament.markdown;

import static dev.filament.markdown.Tok.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.message.MarkdownToken;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Caps and normalisation of SPEC 8.3 rule 5. */
class CapsTest {

    private static final String EMOJI = "\uD83D\uDE00"; // 4 UTF-8 bytes, 2 chars

    private final CommonmarkTokenizer tokenizer = new CommonmarkTokenizer();

    @Test
    void moreThan4096Tokens_areCutToExactlyTheFirst4096() {
        List<MarkdownToken> tokens = tokenizer.tokenize("*a* ".repeat(2000));

        assertThat(tokens).hasSize(MarkdownToken.MAX_TOKENS);
        // paragraph_start, then emphasis_start, text "a", emphasis_end, text " " per repetition
        assertThat(tokens.getFirst()).isEqualTo(P);
        assertThat(tokens.subList(1, 5)).containsExactly(EM, text("a"), EM_END, text(" "));
        assertThat(tokens.get(4093)).isEqualTo(EM);
        assertThat(tokens.get(4095)).isEqualTo(EM_END);
        assertThat(tokens).doesNotContain(P_END);
    }

    @Test
    void textCutBeforeAFourByteCharacterThatWouldCrossTheLimit() {
        List<MarkdownToken> tokens = tokenizer.tokenize("a".repeat(4095) + EMOJI);

        assertThat(tokens).containsExactly(P, text("a".repeat(4095)), P_END);
    }

    @Test
    void textThatFillsTheLimitExactlyIsKept() {
        String exact = "a".repeat(4092) + EMOJI;

        assertThat(tokenizer.tokenize(exact + "b")).containsExactly(P, text(exact), P_END);
    }

    @Test
    void inlineCodeCutTo4096BytesOnACharacterBoundary() {
        List<MarkdownToken> tokens = tokenizer.tokenize("`" + "é".repeat(3000) + "`");

        assertThat(tokens).containsExactly(P, code("é".repeat(2048)), P_END);
    }

    @Test
    void codeBlockContentCutTo16384Bytes() {
        List<MarkdownToken> tokens = tokenizer.tokenize("```\n" + "x".repeat(16383) + EMOJI + "\n```");

        assertThat(tokens).containsExactly(block(null, "x".repeat(16383)));
    }

    @Test
    void the65thFencedBlock_isEmittedAsText() {
        StringBuilder content = new StringBuilder();
        for (int i = 1; i <= 65; i++) {
            content.append("```js\nblock ").append(i).append("\n```\n");
        }
        List<MarkdownToken> tokens = tokenizer.tokenize(content.toString());

        assertThat(tokens).hasSize(65);
        assertThat(tokens.subList(0, 64)).allMatch(t -> t instanceof MarkdownToken.FencedCode);
        assertThat(tokens.get(63)).isEqualTo(block("js", "block 64\n"));
        assertThat(tokens.get(64)).isEqualTo(text("block 65\n"));
    }

    @Test
    void indentedBlocksCountTowardsThe64BlockLimit() {
        String content = "```\nf\n```\n".repeat(64) + "\npara\n\n    indented https://a.b\n";
        List<MarkdownToken> tokens = tokenizer.tokenize(content);

        assertThat(tokens.subList(0, 64)).containsOnly(block(null, "f\n"));
        assertThat(tokens.subList(64, tokens.size()))
                .containsExactly(P, text("para"), P_END, text("indented https://a.b\n"));
    }

    @Test
    void aBlockPastTheLimitIsTextCutTo4096Bytes() {
        String content = "```\nf\n```\n".repeat(64) + "```\n" + "y".repeat(5000) + "\n```";

        assertThat(tokenizer.tokenize(content).getLast()).isEqualTo(text("y".repeat(4096)));
    }

    static Stream<Arguments> languages() {
        return Stream.of(
                Arguments.of("Rust", "rust"),
                Arguments.of("c++", "c++"),
                Arguments.of("Objective-C.v2_x", "objective-c.v2_x"),
                Arguments.of("a".repeat(32), "a".repeat(32)),
                Arguments.of("a".repeat(33), null),
                Arguments.of("has space", null),
                Arguments.of("rust,ignore", null),
                Arguments.of("{.python}", null),
                Arguments.of("café", null),
                Arguments.of("", null));
    }

    @ParameterizedTest(name = "info \"{0}\" -> {1}")
    @MethodSource("languages")
    void fencedInfoStringIsNormalisedIntoTheLanguage(String info, String expected) {
        List<MarkdownToken> tokens = tokenizer.tokenize("```" + info + "\ncode\n```");

        assertThat(tokens).containsExactly(block(expected, "code\n"));
    }

    @Test
    void infoStringIsTrimmedBeforeTheCheck() {
        assertThat(tokenizer.tokenize("```   GO   \nx\n```")).containsExactly(block("go", "x\n"));
    }

    @Test
    void indentedCodeHasNoLanguage() {
        MarkdownToken token = tokenizer.tokenize("    rust").getFirst();

        assertThat(token).isEqualTo(new MarkdownToken.FencedCode(Optional.empty(), "rust\n"));
    }

    @Test
    void utf8LimitNeverSplitsACodePointOrExceedsTheBudget() {
        String s = "aé€" + EMOJI; // 1 + 2 + 3 + 4 bytes
        for (int budget = 0; budget <= 11; budget++) {
            String cut = Utf8Limit.truncate(s, budget);
            assertThat(s).startsWith(cut);
            assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(budget);
            assertThat(Character.isHighSurrogate(cut.isEmpty() ? 'a' : cut.charAt(cut.length() - 1))).isFalse();
        }
        assertThat(Utf8Limit.truncate(s, 6)).isEqualTo("aé€");
        assertThat(Utf8Limit.truncate(s, 9)).isEqualTo("aé€");
        assertThat(Utf8Limit.truncate(s, 10)).isEqualTo(s);
    }
}
