package dev.filament.application.blob.fakes;

import dev.filament.application.blob.port.out.MimeSniffer;
import dev.filament.application.blob.port.out.SniffedType;
import java.util.Arrays;
import java.util.Optional;

/**
 * A small {@link MimeSniffer} for application tests: PNG, JPEG and GIF signatures and printable ASCII text not
 * starting with {@code <} (what {@code MimeSnifferContract} pins); everything else is unknown. The full SPEC table is
 * the adapter's ({@code adapters-tika}).
 */
public final class InMemoryMimeSniffer implements MimeSniffer {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    @Override
    public Optional<SniffedType> sniff(byte[] head, int length, boolean complete) {
        byte[] h = Arrays.copyOf(head, length);
        if (startsWith(h, PNG)) {
            return Optional.of(SniffedType.IMAGE_PNG);
        }
        if (startsWith(h, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(SniffedType.IMAGE_JPEG);
        }
        if (startsWith(h, "GIF87a".getBytes()) || startsWith(h, "GIF89a".getBytes())) {
            return Optional.of(SniffedType.IMAGE_GIF);
        }
        for (byte b : h) {
            if ((b < 0x20 && b != '\n' && b != '\r' && b != '\t') || b < 0) {
                return Optional.empty();
            }
        }
        String text = new String(h, java.nio.charset.StandardCharsets.US_ASCII).strip();
        return text.startsWith("<") ? Optional.empty() : Optional.of(SniffedType.TEXT_PLAIN);
    }

    private static boolean startsWith(byte[] h, byte[] prefix) {
        return h.length >= prefix.length && Arrays.equals(h, 0, prefix.length, prefix, 0, prefix.length);
    }
}
