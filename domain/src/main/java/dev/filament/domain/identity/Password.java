package dev.filament.domain.identity;

import java.util.Optional;

/**
 * A plaintext password that passed the length rule of SPEC 4.1 (12..128 code points, no U+0000). It exists only on the
 * way to the hasher; {@link #toString()} never reveals it, so it cannot leak into a log line by accident.
 */
public record Password(String value) {
    public static final int MIN_CHARS = 12;
    public static final int MAX_CHARS = 128;

    public Password {
        if (!isValid(value)) {
            throw new IllegalArgumentException("password must be 12..128 chars without U+0000");
        }
    }

    /** The password when {@code raw} satisfies the rule, else empty. */
    public static Optional<Password> parse(String raw) {
        return isValid(raw) ? Optional.of(new Password(raw)) : Optional.empty();
    }

    public static boolean isValid(String raw) {
        // Cheap UTF-16 bound first: 128 code points never take more than 256 chars.
        if (raw == null || raw.length() < MIN_CHARS || raw.length() > 2 * MAX_CHARS || raw.indexOf('\0') >= 0) {
            return false;
        }
        int codePoints = raw.codePointCount(0, raw.length());
        return codePoints >= MIN_CHARS && codePoints <= MAX_CHARS;
    }

    @Override
    public String toString() {
        return "Password[redacted]";
    }
}
