package dev.filament.domain.search;

import dev.filament.domain.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Value: the {@code q} of {@code GET /guilds/{g}/search} (SPEC 10.1), validated and reduced to its lexemes. The
 * trimmed text must be 1..256 UTF-8 bytes with at most 20 whitespace-separated terms, at most 4 of {@code *} and
 * {@code ?} together, at most 2 {@code ~} and no {@code :}. Inside each term, characters other than letters, digits
 * and {@code *} separate lexemes; a lexeme ending in {@code *} is a prefix; {@code ?}, {@code ~} and other {@code *}
 * carry no meaning. A query without lexemes is valid and matches nothing ({@link #isEmpty()}).
 */
public record SearchQuery(List<SearchLexeme> lexemes) {
    public static final int MAX_BYTES = 256;
    public static final int MAX_TERMS = 20;
    public static final int MAX_WILDCARDS = 4;
    public static final int MAX_TILDES = 2;

    public SearchQuery {
        lexemes = List.copyOf(lexemes);
    }

    /**
     * Validates and parses the raw parameter.
     *
     * @throws InvalidRequestException naming the broken rule (400 {@code invalid_request})
     */
    public static SearchQuery parse(String raw) {
        String q = raw == null ? "" : raw.strip();
        validate(q);
        List<SearchLexeme> lexemes = new ArrayList<>();
        for (String term : terms(q)) {
            lexemesOf(term, lexemes);
        }
        return new SearchQuery(lexemes);
    }

    /** True when no lexeme is left: the search answers with empty lists without asking the index. */
    public boolean isEmpty() {
        return lexemes.isEmpty();
    }

    private static void validate(String q) {
        if (q.indexOf('\u0000') >= 0) {
            throw new InvalidRequestException("q must not contain U+0000");
        }
        int bytes = q.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > MAX_BYTES) {
            throw new InvalidRequestException("q must be 1..256 bytes after trimming");
        }
        if (terms(q).size() > MAX_TERMS) {
            throw new InvalidRequestException("q must have at most 20 terms");
        }
        if (count(q, '*') + count(q, '?') > MAX_WILDCARDS) {
            throw new InvalidRequestException("q must have at most 4 of '*' and '?'");
        }
        if (count(q, '~') > MAX_TILDES) {
            throw new InvalidRequestException("q must have at most 2 '~'");
        }
        if (q.indexOf(':') >= 0) {
            throw new InvalidRequestException("q must not contain ':'");
        }
    }

    /** The whitespace-separated terms, by the same notion of whitespace as {@link String#strip()}. */
    private static List<String> terms(String q) {
        List<String> terms = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= q.length(); i++) {
            boolean boundary = i == q.length() || Character.isWhitespace(q.charAt(i));
            if (boundary && start >= 0) {
                terms.add(q.substring(start, i));
                start = -1;
            } else if (!boundary && start < 0) {
                start = i;
            }
        }
        return terms;
    }

    /** Splits one term at every character that is neither a word character nor {@code *}. */
    private static void lexemesOf(String term, List<SearchLexeme> out) {
        StringBuilder word = new StringBuilder();
        boolean endsWithStar = false;
        for (int i = 0; i < term.length(); ) {
            int cp = term.codePointAt(i);
            i += Character.charCount(cp);
            if (SearchLexeme.isWordCodePoint(cp)) {
                word.appendCodePoint(cp);
                endsWithStar = false;
            } else if (cp == '*') {
                endsWithStar = true;
            } else {
                emit(word, endsWithStar, out);
                word.setLength(0);
                endsWithStar = false;
            }
        }
        emit(word, endsWithStar, out);
    }

    private static void emit(StringBuilder word, boolean prefix, List<SearchLexeme> out) {
        if (word.isEmpty()) {
            return; // a chunk of only '*' has no lexeme
        }
        out.add(new SearchLexeme(word.toString().toLowerCase(Locale.ROOT), prefix));
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
