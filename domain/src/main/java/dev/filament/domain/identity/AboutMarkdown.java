package dev.filament.domain.identity;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A profile's "about" text (SPEC 4.5): at most 2048 UTF-8 bytes, without U+0000; {@code ""} means none. */
public record AboutMarkdown(String value) {
    public static final int MAX_BYTES = 2048;
    public static final AboutMarkdown EMPTY = new AboutMarkdown("");

    public AboutMarkdown {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("about_markdown must be at most 2048 bytes without U+0000");
        }
    }

    public static boolean isValid(String raw) {
        return raw != null && raw.indexOf('\0') < 0 && raw.length() <= MAX_BYTES
                && raw.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
