package dev.filament.domain.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A username as registered (SPEC 4.1): 3..32 chars of {@code [A-Za-z0-9_.]}. Case is kept for display; uniqueness and
 * login compare {@link #canonical()}.
 */
public record Username(String value) {
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 32;
    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_.]{" + MIN_LENGTH + "," + MAX_LENGTH + "}$");

    public Username {
        if (!isValid(value)) {
            throw new IllegalArgumentException("username must be 3..32 chars of [A-Za-z0-9_.]");
        }
    }

    /** The username when {@code raw} has the allowed shape, else empty. */
    public static Optional<Username> parse(String raw) {
        return isValid(raw) ? Optional.of(new Username(raw)) : Optional.empty();
    }

    public static boolean isValid(String raw) {
        return raw != null && raw.length() <= MAX_LENGTH && SHAPE.matcher(raw).matches();
    }

    /** Lower-case form used for case-insensitive uniqueness and lookup. */
    public String canonical() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
