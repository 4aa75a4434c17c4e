package dev.filament.domain.guild.role;

import dev.filament.domain.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;

/**
 * Value: a role name as a client sends it (SPEC 5.6): trimmed, 1..32 UTF-8 bytes, no Unicode control characters
 * (Cc, which includes U+0000), and not {@code @everyone} or {@code workspace_owner} in any letter case.
 */
public record RoleName(String value) {
    public static final int MAX_BYTES = 32;

    public RoleName {
        if (value == null) {
            throw new InvalidRequestException("name is required");
        }
        // Checked before trimming: String.strip would not remove U+0000, but be explicit that it is never valid.
        if (value.indexOf('\u0000') >= 0) {
            throw new InvalidRequestException("name must not contain U+0000");
        }
        value = value.strip();
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > MAX_BYTES) {
            throw new InvalidRequestException("name must be 1..32 bytes after trimming");
        }
        if (value.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL)) {
            throw new InvalidRequestException("name must not contain control characters");
        }
        if (value.equalsIgnoreCase("@everyone") || value.equalsIgnoreCase("workspace_owner")) {
            throw new InvalidRequestException("name is reserved");
        }
    }

    public static RoleName of(String raw) {
        return new RoleName(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
