package dev.filament.domain.search;

import java.util.Locale;
import java.util.Objects;

/**
 * Value: one lexeme of a search query (SPEC 10.1): lower-case letters and digits (with their combining marks), and
 * whether it matches as a prefix. Every lexeme of a query must match (AND).
 */
public record SearchLexeme(String text, boolean prefix) {

    public SearchLexeme {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("text must not be empty");
        }
        if (!text.codePoints().allMatch(SearchLexeme::isWordCodePoint)) {
            throw new IllegalArgumentException("text must hold letters and digits only");
        }
        if (!text.equals(text.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("text must be lower case");
        }
    }

    public static SearchLexeme exact(String text) {
        return new SearchLexeme(text, false);
    }

    public static SearchLexeme prefix(String text) {
        return new SearchLexeme(text, true);
    }

    /** True when {@code token} (a lower-case word of a document) satisfies this lexeme. */
    public boolean matches(String token) {
        return prefix ? token.startsWith(text) : token.equals(text);
    }

    /**
     * Letters and digits, plus combining marks: without the marks, words of scripts such as Devanagari (whose vowel
     * signs are marks) would fall apart into single consonants.
     */
    public static boolean isWordCodePoint(int codePoint) {
        if (Character.isLetterOrDigit(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
