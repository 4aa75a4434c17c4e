package dev.filament.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.filament.domain.message.MarkdownToken;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Random and pathological inputs: never throw, respect every cap, stay fast and deterministic. */
class RobustnessTest {

    // Fragments that exercise every construct, so random mixes hit the parser's corners.
    private static final String[] FRAGMENTS = {
        "a", "word ", " ", "\n", "\n\n", "  \n", "\\", "*", "**", "_", "`", "```", "~~~", "    ", "\t", "#", "## ",
        "- ", "1. ", "> ", "---", "[", "]", "(", ")", "](", "![", "<", ">", "<b>", "</b>", "<div>", "<!--", "-->",
        "&amp;", "&#0;", "\u0000", "https://", "HTTP://", "mailto:", "javascript:", "x.y", ".", ",", "!", "?", ":",
        "é", "€", "\uD83D\uDE00", "\uD800", "[r]: ", "=\n", "|"
    };

    private final CommonmarkTokenizer tokenizer = new CommonmarkTokenizer();

    @Test
    void randomInputsUpTo2000Chars_neverThrowAndRespectEveryCap() {
        Random random = new Random(20240611L);
        for (int i = 0; i < 400; i++) {
            String content = randomContent(random, 1 + random.nextInt(2000));

            List<MarkdownToken> tokens = tokenizer.tokenize(content);

            assertRespectsCaps(tokens, content);
            assertThat(tokenizer.tokenize(content)).as("deterministic for %s", content).isEqualTo(tokens);
        }
    }

    @Test
    void sameContentTwice_givesEqualTokens() {
        String content = "# Hi\n\n*a* **b** `c` [d](https://e.f) https://g.h\n\n```Rust\nfn\n```\n- x\n1. y";

        assertThat(new CommonmarkTokenizer().tokenize(content)).isEqualTo(tokenizer.tokenize(content));
    }

    @Test
    void sharedInstanceUsedFromManyThreads_givesTheSameTokensAsSequentialCalls() throws Exception {
        Random random = new Random(7L);
        List<String> contents = IntStream.range(0, 64).mapToObj(i -> randomContent(random, 500)).toList();
        List<List<MarkdownToken>> sequential = contents.stream().map(tokenizer::tokenize).toList();
        ConcurrentHashMap<Integer, List<MarkdownToken>> parallel = new ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> futures = IntStream.range(0, contents.size())
                    .mapToObj(i -> pool.submit(() -> parallel.put(i, tokenizer.tokenize(contents.get(i)))))
                    .<Future<?>>map(f -> f)
                    .toList();
            for (Future<?> future : futures) {
                future.get();
            }
        }
        for (int i = 0; i < contents.size(); i++) {
            assertThat(parallel.get(i)).isEqualTo(sequential.get(i));
        }
    }

    static Stream<String> pathological() {
        return Stream.of(
                "[".repeat(2000), "*a".repeat(1000), "_a".repeat(1000), "a_".repeat(1000), "*".repeat(2000),
                "**a".repeat(666), "> ".repeat(1000) + "x", "- ".repeat(999) + "x", "1. ".repeat(666) + "x",
                "`".repeat(2000), "`a".repeat(1000), "[a](".repeat(500), "![[](".repeat(400), "<a".repeat(1000),
                "<!--".repeat(500), "&#".repeat(1000), "\\".repeat(2000), "https://".repeat(250),
                "http:// ".repeat(250), ")".repeat(2000), "[x]: ".repeat(400), "*a **a ".repeat(250),
                "\t".repeat(2000), "a\n".repeat(1000), "    a\n".repeat(333));
    }

    @ParameterizedTest
    @MethodSource("pathological")
    void pathologicalInputs_stayFastAndWithinCaps(String content) {
        // Generous bound: commonmark-java is linear, these take milliseconds; a backtracking bug takes minutes.
        List<MarkdownToken> tokens = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> tokenizer.tokenize(content));

        assertRespectsCaps(tokens, content);
    }

    private static String randomContent(Random random, int maxChars) {
        StringBuilder content = new StringBuilder();
        while (content.length() < maxChars) {
            content.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        content.setLength(maxChars);
        return content.toString();
    }

    private static void assertRespectsCaps(List<MarkdownToken> tokens, String content) {
        assertThat(tokens).as("token count for %s", content).hasSizeLessThanOrEqualTo(MarkdownToken.MAX_TOKENS);
        long blocks = tokens.stream().filter(t -> t instanceof MarkdownToken.FencedCode).count();
        assertThat(blocks).isLessThanOrEqualTo(MarkdownToken.MAX_CODE_BLOCKS);
        for (MarkdownToken token : tokens) {
            switch (token) {
                case MarkdownToken.Text t -> assertThat(utf8Bytes(t.text())).isLessThanOrEqualTo(MarkdownToken.MAX_TEXT_BYTES);
                case MarkdownToken.Code c -> assertThat(utf8Bytes(c.code())).isLessThanOrEqualTo(MarkdownToken.MAX_TEXT_BYTES);
                case MarkdownToken.FencedCode f ->
                        assertThat(utf8Bytes(f.code())).isLessThanOrEqualTo(MarkdownToken.MAX_CODE_BLOCK_BYTES);
                case MarkdownToken.LinkStart l -> assertThat(l.href()).as("href of %s", content)
                        .matches("(?i)(https?|mailto):.*").doesNotStartWith(" ");
                default -> {
                    // marker tokens have no values to cap
                }
            }
        }
    }

    private static int utf8Bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
