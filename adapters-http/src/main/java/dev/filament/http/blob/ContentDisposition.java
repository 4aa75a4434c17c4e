package dev.filament.http.blob;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} with a filename per SPEC 8.5 (RFC 6266 with RFC 8187): a quoted ASCII
 * fallback and the exact UTF-8 name percent-encoded.
 */
public final class ContentDisposition {
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ContentDisposition() {
    }

    /** {@code attachment; filename="<fallback>"; filename*=UTF-8''<encoded>}. */
    public static String attachment(String filename) {
        return "attachment; filename=\"" + fallback(filename) + "\"; filename*=UTF-8''" + encoded(filename);
    }

    /** Each char (code point) outside 0x20-0x7E and each {@code "}, {@code \} and {@code %} replaced by {@code _}. */
    static String fallback(String filename) {
        StringBuilder out = new StringBuilder(filename.length());
        filename.codePoints().forEach(c -> out.append(
                c < 0x20 || c > 0x7E || c == '"' || c == '\\' || c == '%' ? '_' : (char) c));
        return out.toString();
    }

    /** The UTF-8 bytes, every byte outside {@code A-Za-z0-9!#$&+-.^_`|~} written {@code %XX} (upper-case hex). */
    static String encoded(String filename) {
        StringBuilder out = new StringBuilder();
        for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
            int v = b & 0xFF;
            if ((v >= 'A' && v <= 'Z') || (v >= 'a' && v <= 'z') || (v >= '0' && v <= '9')
                    || ATTR_CHARS.indexOf(v) >= 0) {
                out.append((char) v);
            } else {
                out.append('%').append(HEX[v >> 4]).append(HEX[v & 0xF]);
            }
        }
        return out.toString();
    }
}
