package dev.filament.domain.guild;

import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** Entity: a guild row (SPEC 12 {@code guilds}); wire shape {@code Guild = {guild_id, name, visibility}}. */
public record Guild(GuildId id, GuildName name, Visibility visibility, UserId createdBy,
                    Optional<RoleId> defaultJoinRole, Instant createdAt) {
    public Guild {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(defaultJoinRole, "defaultJoinRole");
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.SECONDS);
    }

    /** A new guild without a default join role. */
    public static Guild create(GuildId id, GuildName name, Visibility visibility, UserId creator, Instant now) {
        return new Guild(id, name, visibility, creator, Optional.empty(), now);
    }

    public Guild withName(GuildName newName) {
        return new Guild(id, newName, visibility, createdBy, defaultJoinRole, createdAt);
    }

    public Guild withVisibility(Visibility newVisibility) {
        return new Guild(id, name, newVisibility, createdBy, defaultJoinRole, createdAt);
    }

    public Guild withDefaultJoinRole(Optional<RoleId> role) {
        return new Guild(id, name, visibility, createdBy, role, createdAt);
    }

    public boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }
}
