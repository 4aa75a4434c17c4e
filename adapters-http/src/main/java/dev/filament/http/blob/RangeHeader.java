package dev.filament.http.blob;

import dev.filament.application.blob.port.out.ByteRange;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Range} rules of SPEC 8.5 against an object of known size: a single {@code bytes=} range {@code a-b},
 * {@code a-} or {@code -n}; a malformed header, another unit or several ranges are ignored (whole body).
 */
sealed interface RangeHeader {
    Pattern SINGLE = Pattern.compile("^bytes=(\\d{0,18})-(\\d{0,18})$");

    /** No usable range: serve the whole object (200). */
    record Whole() implements RangeHeader {
    }

    /** A satisfiable range, clipped to the object (206). */
    record Partial(ByteRange range) implements RangeHeader {
    }

    /** {@code a} ≥ size, or {@code -0}: 416 with {@code Content-Range: bytes *}{@code /size}. */
    record Unsatisfiable() implements RangeHeader {
    }

    static RangeHeader parse(Optional<String> header, long size) {
        if (header.isEmpty()) {
            return new Whole();
        }
        Matcher m = SINGLE.matcher(header.get().strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return new Whole();
        }
        if (m.group(1).isEmpty()) { // suffix: the last n bytes
            long n = Long.parseLong(m.group(2));
            return n == 0 ? new Unsatisfiable() : new Partial(new ByteRange(Math.max(0, size - n), size - 1));
        }
        long first = Long.parseLong(m.group(1));
        if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
            return new Whole(); // syntactically invalid (RFC 9110 14.1.1): ignored
        }
        if (first >= size) {
            return new Unsatisfiable();
        }
        long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        return new Partial(new ByteRange(first, last));
    }
}
