package dev.filament.tika;

import dev.filament.application.blob.port.out.SniffedType;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The SPEC 8.7 sniffing table, row by row and first match wins: the authority for what is stored. Each method reads
 * like its row's "Signature" column.
 */
final class SignatureTable {
    private final byte[] h;
    private final int length;
    private final boolean complete;

    private SignatureTable(byte[] head, int length, boolean complete) {
        this.h = head;
        this.length = length;
        this.complete = complete;
    }

    static Optional<SniffedType> sniff(byte[] head, int length, boolean complete) {
        return new SignatureTable(head, Math.min(length, head.length), complete).firstMatch();
    }

    private Optional<SniffedType> firstMatch() {
        for (SniffedType row : SniffedType.values()) {
            if (matches(row)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    boolean matches(SniffedType row) {
        return switch (row) {
            case IMAGE_PNG -> at(0, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
            case IMAGE_JPEG -> at(0, 0xFF, 0xD8, 0xFF);
            case IMAGE_GIF -> ascii(0, "GIF87a") || ascii(0, "GIF89a");
            case IMAGE_WEBP -> ascii(0, "RIFF") && ascii(8, "WEBP");
            case IMAGE_AVIF -> brand("avif", "avis");
            case VIDEO_QUICKTIME -> brand("qt  ");
            case AUDIO_MP4 -> brand("M4A ", "M4B ");
            case VIDEO_MP4 -> brand("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "dash",
                    "M4V ");
            case VIDEO_WEBM -> at(0, 0x1A, 0x45, 0xDF, 0xA3) && webmDocType();
            case AUDIO_OGG -> ascii(0, "OggS");
            case AUDIO_WAV -> ascii(0, "RIFF") && ascii(8, "WAVE");
            case AUDIO_FLAC -> ascii(0, "fLaC");
            case AUDIO_MPEG -> ascii(0, "ID3") || at(0, 0xFF) && oneOf(1, 0xF2, 0xF3, 0xFA, 0xFB);
            case AUDIO_AAC -> at(0, 0xFF) && oneOf(1, 0xF1, 0xF9);
            case APPLICATION_PDF -> ascii(0, "%PDF-");
            case APPLICATION_ZIP -> at(0, 0x50, 0x4B, 0x03, 0x04) || at(0, 0x50, 0x4B, 0x05, 0x06);
            case APPLICATION_GZIP -> at(0, 0x1F, 0x8B, 0x08);
            case APPLICATION_7Z -> at(0, 0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C);
            case TEXT_PLAIN -> plainText();
        };
    }

    private boolean at(int offset, int... bytes) {
        if (offset + bytes.length > length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((h[offset + i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean ascii(int offset, String text) {
        return at(offset, text.chars().toArray());
    }

    private boolean oneOf(int offset, int... values) {
        if (offset >= length) {
            return false;
        }
        for (int v : values) {
            if ((h[offset] & 0xFF) == v) {
                return true;
            }
        }
        return false;
    }

    /** {@code ftyp} at 4 and the major brand at 8..11 one of {@code brands}. */
    private boolean brand(String... brands) {
        if (!ascii(4, "ftyp")) {
            return false;
        }
        for (String b : brands) {
            if (ascii(8, b)) {
                return true;
            }
        }
        return false;
    }

    /** An EBML DocType element (id {@code 42 82}, a size, the value {@code webm}) within the first 64 bytes. */
    private boolean webmDocType() {
        int end = Math.min(length, 64);
        for (int i = 4; i + 2 < end; i++) {
            if ((h[i] & 0xFF) != 0x42 || (h[i + 1] & 0xFF) != 0x82) {
                continue;
            }
            int sizeByte = h[i + 2] & 0xFF;
            int sizeLength = Integer.numberOfLeadingZeros(sizeByte) - 23; // EBML vint: leading zeros + 1
            if (sizeByte == 0 || sizeLength > 8 || i + 2 + sizeLength + 4 > end) {
                continue;
            }
            long size = sizeByte & (0xFF >> sizeLength);
            for (int k = 1; k < sizeLength; k++) {
                size = (size << 8) | (h[i + 2 + k] & 0xFF);
            }
            if (size == 4 && ascii(i + 2 + sizeLength, "webm")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Valid UTF-8 (a sequence cut by the window end allowed when the window cut the body), no byte 0x00-0x08, 0x0B,
     * 0x0E-0x1A or 0x1C-0x1F, and the first char after an optional BOM and white space is not {@code <}.
     */
    private boolean plainText() {
        for (int i = 0; i < length; i++) {
            int b = h[i] & 0xFF;
            if (b <= 0x08 || b == 0x0B || (b >= 0x0E && b <= 0x1A) || (b >= 0x1C && b <= 0x1F)) {
                return false;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(h, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 1);
        CoderResult result = decoder.decode(in, out, complete);
        if (result.isError() || (complete && (decoder.flush(out).isError() || in.hasRemaining()))) {
            return false;
        }
        if (!complete && in.remaining() >= 4) {
            return false; // only a cut final sequence (at most 3 bytes) may be left undecoded
        }
        out.flip();
        int i = out.length() > 0 && out.charAt(0) == '\uFEFF' ? 1 : 0;
        while (i < out.length() && isWhiteSpace(out.charAt(i))) {
            i++;
        }
        return i >= out.length() || out.charAt(i) != '<';
    }

    /** Unicode {@code White_Space}. */
    private static boolean isWhiteSpace(char c) {
        return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }
}
