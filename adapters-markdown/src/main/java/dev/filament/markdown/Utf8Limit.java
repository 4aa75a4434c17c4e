package dev.filament.markdown;

/** Cuts strings to a UTF-8 byte budget without splitting a code point. */
final class Utf8Limit {

    private Utf8Limit() {
    }

    /** The longest prefix of {@code s} whose UTF-8 encoding fits in {@code maxBytes}. */
    static String truncate(String s, int maxBytes) {
        // A char never encodes to more than 3 bytes (a surrogate pair is 2 chars for 4 bytes), so short strings fit.
        if ((long) s.length() * 3 <= maxBytes) {
            return s;
        }
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int codePoint = s.codePointAt(i);
            bytes += encodedLength(codePoint);
            if (bytes > maxBytes) {
                return s.substring(0, i);
            }
            i += Character.charCount(codePoint);
        }
        return s;
    }

    /** Bytes of one code point in UTF-8; a lone surrogate counts as 3, the size of its replacement character. */
    static int encodedLength(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
