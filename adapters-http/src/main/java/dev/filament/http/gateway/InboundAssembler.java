package dev.filament.http.gateway;

import dev.filament.domain.gateway.CloseReason;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Joins the fragments of one inbound message while counting its UTF-8 bytes, so a message over the limit is refused
 * with {@code event_too_large} (SPEC 9.3) once the limit is passed, before the rest of it is ever held in memory.
 * Used by the connection's reader only (one message at a time).
 */
final class InboundAssembler {
    private final int maxBytes;
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private long bytes;

    InboundAssembler(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Adds a text fragment; the whole message when {@code last}, else null. */
    String text(String fragment, boolean last) {
        count(utf8Length(fragment));
        text.append(fragment);
        if (!last) {
            return null;
        }
        String message = text.toString();
        reset();
        return message;
    }

    /** Adds a binary fragment; the whole message when {@code last}, else null. */
    byte[] binary(ByteBuffer fragment, boolean last) {
        count(fragment.remaining());
        byte[] chunk = new byte[fragment.remaining()];
        fragment.get(chunk);
        binary.writeBytes(chunk);
        if (!last) {
            return null;
        }
        byte[] message = binary.toByteArray();
        reset();
        return message;
    }

    private void count(long more) {
        bytes += more;
        if (bytes > maxBytes) {
            reset();
            throw new ProtocolViolation(CloseReason.EVENT_TOO_LARGE);
        }
    }

    private void reset() {
        text.setLength(0);
        binary.reset();
        bytes = 0;
    }

    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }
}
