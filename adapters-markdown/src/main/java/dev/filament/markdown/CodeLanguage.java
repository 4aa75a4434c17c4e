package dev.filament.markdown;

import dev.filament.domain.message.MarkdownToken;
import java.util.Locale;
import java.util.Optional;

/** Normalises a fenced code block's info string into the {@code language} of SPEC 8.3 rule 5. */
final class CodeLanguage {

    private static final String PUNCTUATION = "_+.-";

    private CodeLanguage() {
    }

    /** The whole trimmed info string, lower-cased, when it is 1..32 chars of [A-Za-z0-9_+.-]; else empty. */
    static Optional<String> fromInfo(String info) {
        if (info == null) {
            return Optional.empty();
        }
        String trimmed = info.trim();
        if (trimmed.isEmpty() || trimmed.length() > MarkdownToken.MAX_LANGUAGE_CHARS) {
            return Optional.empty();
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (!allowed(trimmed.charAt(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(trimmed.toLowerCase(Locale.ROOT));
    }

    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || PUNCTUATION.indexOf(c) >= 0;
    }
}
