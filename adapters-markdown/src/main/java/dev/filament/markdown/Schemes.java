package dev.filament.markdown;

import java.util.Optional;

/**
 * The link schemes SPEC 8.3 allows ({@code http}, {@code https}, {@code mailto}), matched ASCII-case-insensitively.
 *
 * <p>Matching is ASCII-only on purpose: {@link String#equalsIgnoreCase} would accept {@code "httpſ"} (long s) as
 * {@code "https"}, a target that browsers do not treat as https.
 */
final class Schemes {

    private static final String[] ALLOWED = {"http", "https", "mailto"};
    private static final String[] BARE_PREFIXES = {"http://", "https://", "mailto:"};

    private Schemes() {
    }

    /** The trimmed destination when its scheme (before the first ':') is allowed, else empty (rule 2). */
    static Optional<String> allowedHref(String destination) {
        String trimmed = destination.trim();
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        for (String scheme : ALLOWED) {
            if (colon == scheme.length() && matchesAt(trimmed, 0, scheme)) {
                return Optional.of(trimmed);
            }
        }
        return Optional.empty();
    }

    /** Length of the bare-URL prefix ({@code http://}, {@code https://}, {@code mailto:}) at {@code index}, or 0. */
    static int barePrefixLengthAt(String text, int index) {
        for (String prefix : BARE_PREFIXES) {
            if (matchesAt(text, index, prefix)) {
                return prefix.length();
            }
        }
        return 0;
    }

    private static boolean matchesAt(String text, int index, String lowerAsciiPattern) {
        if (index + lowerAsciiPattern.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < lowerAsciiPattern.length(); i++) {
            if (asciiLower(text.charAt(index + i)) != lowerAsciiPattern.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
