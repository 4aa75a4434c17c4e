package dev.filament.domain.guild.role;

import dev.filament.domain.error.InvalidRequestException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Value: a role colour {@code #RRGGBB} (SPEC 5.6); accepted in any letter case, kept upper case. */
public record ColorHex(String value) {
    private static final Pattern SHAPE = Pattern.compile("^#[0-9A-Fa-f]{6}$");

    public ColorHex {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidRequestException("color_hex must match #RRGGBB");
        }
        value = value.toUpperCase(Locale.ROOT);
    }

    public static ColorHex of(String raw) {
        return new ColorHex(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
