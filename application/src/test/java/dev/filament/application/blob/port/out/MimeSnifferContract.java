package dev.filament.application.blob.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The part of the SPEC 8.7 table every {@link MimeSniffer} keeps, fakes included: image signatures, plain text, and
 * the refusals of markup and binaries. The adapter's own test pins every row on top.
 */
public abstract class MimeSnifferContract {
    protected MimeSniffer sniffer;

    protected abstract MimeSniffer createSniffer();

    @BeforeEach
    void setUpSniffer() {
        sniffer = createSniffer();
    }

    protected Optional<SniffedType> sniff(byte[] bytes) {
        return sniffer.sniff(bytes, bytes.length, true);
    }

    protected static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void imageSignatures() {
        assertThat(sniff(bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13)))
                .contains(SniffedType.IMAGE_PNG);
        assertThat(sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 16))).contains(SniffedType.IMAGE_JPEG);
        assertThat(sniff("GIF89a\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1))).contains(SniffedType.IMAGE_GIF);
        assertThat(sniff("GIF87a\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1))).contains(SniffedType.IMAGE_GIF);
    }

    @Test
    void plainTextIsText() {
        assertThat(sniff("hello world\n".getBytes(StandardCharsets.UTF_8))).contains(SniffedType.TEXT_PLAIN);
        assertThat(sniff("{\"a\": 1}\n".getBytes(StandardCharsets.UTF_8))).contains(SniffedType.TEXT_PLAIN);
    }

    @Test
    void markupAndBinariesMatchNoRow() {
        assertThat(sniff("<!DOCTYPE html><html></html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(sniff("  \n<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(sniff("<?xml version=\"1.0\"?><a/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(sniff(bytes('M', 'Z', 0x90, 0x00, 0x03))).isEmpty();
        assertThat(sniff(bytes(0x7F, 'E', 'L', 'F', 2, 1, 1, 0))).isEmpty();
        assertThat(sniff(bytes(0x00, 0x01, 0x02, 0x03))).isEmpty();
    }
}
