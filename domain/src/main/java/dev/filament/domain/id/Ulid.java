package dev.filament.domain.id;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Strict ULID syntax of SPEC 1.2: 26 Crockford base32 chars, first 0-7, case-insensitive, normalised upper case. */
public final class Ulid {
    private static final Pattern SHAPE = Pattern.compile("^[0-7][0-9A-HJKMNP-TV-Z]{25}$");

    private Ulid() {
    }

    /** The upper-case form when {@code raw} is a valid ULID, else empty. */
    public static Optional<String> parse(String raw) {
        if (raw == null || raw.length() != 26) {
            return Optional.empty();
        }
        String upper = raw.toUpperCase(Locale.ROOT);
        return SHAPE.matcher(upper).matches() ? Optional.of(upper) : Optional.empty();
    }

    public static boolean isValid(String raw) {
        return parse(raw).isPresent();
    }

    /** Returns the normalised value or throws {@link IllegalArgumentException} naming the field. */
    public static String require(String raw, String field) {
        return parse(raw).orElseThrow(() -> new IllegalArgumentException(field + " must be a ULID"));
    }
}
