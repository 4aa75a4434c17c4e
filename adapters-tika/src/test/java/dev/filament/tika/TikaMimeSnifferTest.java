package dev.filament.tika;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.blob.port.out.MimeSniffer;
import dev.filament.application.blob.port.out.MimeSnifferContract;
import dev.filament.application.blob.port.out.SniffedType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every row of the SPEC 8.7 table and every refusal, pinned; plus the fake's contract. */
class TikaMimeSnifferTest extends MimeSnifferContract {

    @Override
    protected MimeSniffer createSniffer() {
        return new TikaMimeSniffer();
    }

    private static byte[] cat(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.writeBytes((byte[]) p);
            }
        }
        byte[] body = out.toByteArray();
        return Arrays.copyOf(body, Math.max(body.length, 64)); // padded with zeros like a real header
    }

    private static byte[] ftyp(String brand) {
        return cat(bytes(0, 0, 0, 0x18), "ftyp", brand, bytes(0, 0, 0, 0));
    }

    private Optional<SniffedType> s(byte[] b) {
        return sniff(b);
    }

    @Test
    void everyBinaryRow() {
        assertThat(s(cat(bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)))).contains(SniffedType.IMAGE_PNG);
        assertThat(s(cat(bytes(0xFF, 0xD8, 0xFF, 0xDB)))).contains(SniffedType.IMAGE_JPEG);
        assertThat(s(cat("GIF87a"))).contains(SniffedType.IMAGE_GIF);
        assertThat(s(cat("GIF89a"))).contains(SniffedType.IMAGE_GIF);
        assertThat(s(cat("RIFF", bytes(0x24, 0, 0, 0), "WEBPVP8 "))).contains(SniffedType.IMAGE_WEBP);
        assertThat(s(ftyp("avif"))).contains(SniffedType.IMAGE_AVIF);
        assertThat(s(ftyp("avis"))).contains(SniffedType.IMAGE_AVIF);
        assertThat(s(ftyp("qt  "))).contains(SniffedType.VIDEO_QUICKTIME);
        assertThat(s(ftyp("M4A "))).contains(SniffedType.AUDIO_MP4);
        assertThat(s(ftyp("M4B "))).contains(SniffedType.AUDIO_MP4);
        for (String brand : new String[] {"isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1",
                "dash", "M4V "}) {
            assertThat(s(ftyp(brand))).as(brand).contains(SniffedType.VIDEO_MP4);
        }
        assertThat(s(cat(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84), "webm")))
                .contains(SniffedType.VIDEO_WEBM);
        assertThat(s(cat("OggS", bytes(0, 2)))).contains(SniffedType.AUDIO_OGG);
        assertThat(s(cat("RIFF", bytes(0x24, 0, 0, 0), "WAVEfmt "))).contains(SniffedType.AUDIO_WAV);
        assertThat(s(cat("fLaC", bytes(0, 0, 0, 0x22)))).contains(SniffedType.AUDIO_FLAC);
        assertThat(s(cat("ID3", bytes(4, 0)))).contains(SniffedType.AUDIO_MPEG);
        for (int second : new int[] {0xF2, 0xF3, 0xFA, 0xFB}) {
            assertThat(s(cat(bytes(0xFF, second, 0x90, 0x64)))).contains(SniffedType.AUDIO_MPEG);
        }
        assertThat(s(cat(bytes(0xFF, 0xF1, 0x50, 0x80)))).contains(SniffedType.AUDIO_AAC);
        assertThat(s(cat(bytes(0xFF, 0xF9, 0x50, 0x80)))).contains(SniffedType.AUDIO_AAC);
        assertThat(s(cat("%PDF-1.7\n"))).contains(SniffedType.APPLICATION_PDF);
        assertThat(s(cat(bytes(0x50, 0x4B, 0x03, 0x04, 0x14, 0)))).contains(SniffedType.APPLICATION_ZIP);
        assertThat(s(cat(bytes(0x50, 0x4B, 0x05, 0x06)))).contains(SniffedType.APPLICATION_ZIP);
        assertThat(s(cat(bytes(0x1F, 0x8B, 0x08, 0)))).contains(SniffedType.APPLICATION_GZIP);
        assertThat(s(cat(bytes(0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0, 4)))).contains(SniffedType.APPLICATION_7Z);
    }

    @Test
    void nearMissesOfBinaryRowsMatchNothing() {
        assertThat(s(cat("RIFF", bytes(0x24, 0, 0, 0), "AVI LIST"))).isEmpty();
        assertThat(s(ftyp("3gp4"))).isEmpty();
        assertThat(s(ftyp("heic"))).isEmpty();
        assertThat(s(cat(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x82, 0x88), "matroska"))).isEmpty();
        assertThat(s(cat(bytes(0xFF, 0xF0)))).isEmpty();
        assertThat(s(cat(bytes(0x1F, 0x8B, 0x07)))).isEmpty();
        assertThat(s(cat("GIF88a"))).isEmpty();
        assertThat(s(bytes(0x89, 0x50, 0x4E, 0x47))).isEmpty(); // a truncated PNG signature is not text either
    }

    @Test
    void textRow() {
        assertThat(s("plain words\r\n\ttabbed\f\u001b[0m\u007f".getBytes(StandardCharsets.UTF_8)))
                .contains(SniffedType.TEXT_PLAIN);
        assertThat(s("ünïcødé ✓ 😀".getBytes(StandardCharsets.UTF_8))).contains(SniffedType.TEXT_PLAIN);
        assertThat(s("\uFEFFhello".getBytes(StandardCharsets.UTF_8))).contains(SniffedType.TEXT_PLAIN);
        assertThat(s("#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8))).contains(SniffedType.TEXT_PLAIN);
        assertThat(s("a < b".getBytes(StandardCharsets.UTF_8))).contains(SniffedType.TEXT_PLAIN);
        assertThat(s("   \n".getBytes(StandardCharsets.UTF_8))).contains(SniffedType.TEXT_PLAIN);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x01, 0x07, 0x08, 0x0B, 0x0E, 0x10, 0x1A, 0x1C, 0x1F})
    void eachForbiddenControlByteRefusesText(int control) {
        assertThat(s(new byte[] {'a', (byte) control, 'b'})).isEmpty();
    }

    @Test
    void markupIsRefusedAfterBomAndWhiteSpace() {
        assertThat(s("<p>hi</p>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(s("\uFEFF  \n\t<html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(s("\u00A0\u2003\u3000<svg/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(s("<?xml version=\"1.0\"?>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void badUtf8IsRefusedButASequenceCutByTheWindowIsAllowed() {
        assertThat(s(new byte[] {'a', (byte) 0xC3})).isEmpty(); // whole body: a cut sequence is invalid
        assertThat(s(new byte[] {'a', (byte) 0xC0, (byte) 0x80})).isEmpty(); // overlong
        assertThat(s(new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80})).isEmpty(); // surrogate
        assertThat(s(new byte[] {'a', (byte) 0xFF, 'b'})).isEmpty();

        byte[] window = new byte[8192];
        Arrays.fill(window, (byte) 'x');
        window[8190] = (byte) 0xE2; // first two bytes of U+2713, cut by the window end
        window[8191] = (byte) 0x9C;
        assertThat(sniffer.sniff(window, 8192, false)).contains(SniffedType.TEXT_PLAIN);
        assertThat(sniffer.sniff(window, 8192, true)).isEmpty();
        window[8191] = 'x'; // a broken sequence is not "cut"
        assertThat(sniffer.sniff(window, 8192, false)).isEmpty();
    }

    @Test
    void executablesAndUnknownBinariesMatchNothing() {
        assertThat(s(cat("MZ", bytes(0x90, 0, 3, 0)))).isEmpty();
        assertThat(s(cat(bytes(0x7F), "ELF", bytes(2, 1, 1, 0)))).isEmpty();
        assertThat(s(cat(bytes(0xCA, 0xFE, 0xBA, 0xBE)))).isEmpty();
        assertThat(s(cat(bytes(0xCF, 0xFA, 0xED, 0xFE)))).isEmpty();
        assertThat(s(cat("Rar!", bytes(0x1A, 7, 0)))).isEmpty();
    }

    @Test
    void tikaAgreesWithTheTableOnCommonFormatsAndIsOverruledElsewhere() {
        TikaMimeSniffer tika = new TikaMimeSniffer();
        byte[] png = cat(bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D), "IHDR");
        assertThat(tika.tikaRow(png, png.length)).contains(SniffedType.IMAGE_PNG);
        byte[] pdf = cat("%PDF-1.7\n");
        assertThat(tika.tikaRow(pdf, pdf.length)).contains(SniffedType.APPLICATION_PDF);
        byte[] gzip = cat(bytes(0x1F, 0x8B, 0x08, 0));
        assertThat(tika.tikaRow(gzip, gzip.length)).contains(SniffedType.APPLICATION_GZIP);
        // Tika calls this shell script application/x-sh; the table stores it as text/plain
        byte[] script = "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8);
        assertThat(tika.sniff(script, script.length, true)).contains(SniffedType.TEXT_PLAIN);
    }
}
