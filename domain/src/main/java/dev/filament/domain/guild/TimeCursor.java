package dev.filament.domain.guild;

import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.id.Ulid;
import java.util.regex.Pattern;

/**
 * Value: the cursor {@code {created_at_unix}_{ULID}} of the time-ordered lists (SPEC 1.9): bans, IP bans, audit.
 * Exclusive: the next page holds the rows strictly after this key in (created_at DESC, id DESC) order.
 */
public record TimeCursor(long createdAtUnix, String id) {
    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_-]{1,128}$");

    public TimeCursor {
        id = Ulid.parse(id).orElseThrow(() -> new InvalidRequestException("cursor id must be a ULID"));
    }

    /** Parses a query value: 1..128 of {@code [A-Za-z0-9_-]} forming {@code {int64}_{ULID}}; else 400. */
    public static TimeCursor parse(String raw) {
        if (raw == null || !SHAPE.matcher(raw).matches()) {
            throw new InvalidRequestException("cursor must be 1..128 of [A-Za-z0-9_-]");
        }
        int sep = raw.indexOf('_');
        if (sep <= 0 || raw.indexOf('_', sep + 1) >= 0) {
            throw new InvalidRequestException("cursor must be {int64}_{ULID}");
        }
        long createdAt;
        try {
            createdAt = Long.parseLong(raw.substring(0, sep));
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("cursor time must be an int64");
        }
        return new TimeCursor(createdAt, raw.substring(sep + 1));
    }

    /** The wire form, as returned in {@code next_cursor}. */
    public String toWire() {
        return createdAtUnix + "_" + id;
    }

    @Override
    public String toString() {
        return toWire();
    }
}
