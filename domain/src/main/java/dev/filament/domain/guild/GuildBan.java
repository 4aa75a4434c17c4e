package dev.filament.domain.guild;

import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Entity: a user ban of a guild (SPEC 12 {@code guild_bans}); listed as
 * {@code {user_id, banned_by_user_id|null, created_at_unix}}.
 */
public record GuildBan(GuildId guildId, UserId user, Optional<UserId> bannedBy, Instant createdAt) {
    public GuildBan {
        Objects.requireNonNull(guildId, "guildId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(bannedBy, "bannedBy");
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.SECONDS);
    }

    /** The list key {@code {created_at_unix}_{user_id}}. */
    public TimeCursor cursor() {
        return new TimeCursor(createdAt.getEpochSecond(), user.value());
    }
}
