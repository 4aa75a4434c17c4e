package dev.filament.domain.guild;

import dev.filament.domain.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Value: the {@code q} filter of {@code GET /guilds/public} (SPEC 5.7): trimmed, ASCII lower-cased, at most 64 UTF-8
 * bytes after trimming; empty means no filter. Matching is a case-insensitive substring match on the name.
 */
public record PublicGuildQuery(String value) {
    public static final int MAX_BYTES = 64;

    public PublicGuildQuery {
        if (value == null) {
            value = "";
        }
        if (value.indexOf('\u0000') >= 0) {
            throw new InvalidRequestException("q must not contain U+0000");
        }
        value = asciiLowerCase(value.strip());
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidRequestException("q must be at most 64 bytes");
        }
    }

    public static PublicGuildQuery parse(String raw) {
        return new PublicGuildQuery(raw);
    }

    /** The {@code LIKE} pattern for a lower-cased name, or empty when there is no filter. */
    public Optional<String> likePattern() {
        return value.isEmpty() ? Optional.empty() : Optional.of(LikePattern.contains(value));
    }

    /** The same match in memory, against the name as stored. */
    public boolean matches(String guildName) {
        return asciiLowerCase(guildName).contains(value);
    }

    private static String asciiLowerCase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }
}
