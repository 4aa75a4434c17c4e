package dev.filament.domain.message;

import dev.filament.domain.error.InvalidRequestException;
import java.util.Objects;

/**
 * Value: a reaction emoji (SPEC 8.6), already percent-decoded. Any string is accepted that has 1..32 UTF-16 code units
 * (the web client's count), no Unicode {@code White_Space} nor U+FEFF, no control character (Cc) and no {@code /} or
 * {@code \}; there is no emoji catalogue. A broken rule is 400 {@code invalid_request}.
 */
public record Emoji(String value) implements Comparable<Emoji> {
    public static final int MAX_UTF16_UNITS = 32;

    public Emoji {
        if (value == null || value.isEmpty() || value.length() > MAX_UTF16_UNITS) {
            throw new InvalidRequestException("emoji must be 1..32 UTF-16 code units");
        }
        if (value.codePoints().anyMatch(Emoji::forbidden)) {
            throw new InvalidRequestException("emoji must not contain whitespace, control characters, / or \\");
        }
    }

    public static Emoji of(String value) {
        return new Emoji(value);
    }

    /** Whitespace (Unicode {@code White_Space} and U+FEFF), Cc, {@code /}, {@code \}, or half a surrogate pair. */
    static boolean forbidden(int cp) {
        return cp == '/' || cp == '\\' || cp == 0xFEFF || Character.getType(cp) == Character.CONTROL
                || Character.getType(cp) == Character.SURROGATE || isWhiteSpace(cp);
    }

    /** The Unicode {@code White_Space} property (PropList.txt): the Cc ones are refused as control characters too. */
    static boolean isWhiteSpace(int cp) {
        return cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A)
                || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000
                || (cp >= 0x09 && cp <= 0x0D);
    }

    /** Code point order, which equals UTF-8 byte order (PostgreSQL {@code COLLATE "C"}, SPEC 8.2). */
    @Override
    public int compareTo(Emoji other) {
        return Objects.compare(value, other.value, Emoji::byCodePoint);
    }

    private static int byCodePoint(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    @Override
    public String toString() {
        return value;
    }
}
