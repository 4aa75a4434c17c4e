package dev.filament.domain.guild.audit;

import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.LikePattern;
import java.util.regex.Pattern;

/** Value: the audit list's {@code action_prefix} (SPEC 7.2), 1..64 of {@code [a-z0-9._]}, matched literally. */
public record ActionPrefix(String value) {
    private static final Pattern SHAPE = Pattern.compile("^[a-z0-9._]{1,64}$");

    public ActionPrefix {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidRequestException("action_prefix must be 1..64 of [a-z0-9._]");
        }
    }

    public static ActionPrefix parse(String raw) {
        return new ActionPrefix(raw);
    }

    /** A SQL {@code LIKE} pattern (escape char {@code \}) matching actions that start with this prefix. */
    public String likePattern() {
        return LikePattern.escape(value) + "%";
    }

    public boolean matches(String action) {
        return action.startsWith(value);
    }
}
