package dev.filament.domain.guild.role;

import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import java.util.Objects;
import java.util.Optional;

/**
 * Entity: a role of one guild (SPEC 5.2, 5.6). Seeded roles carry a {@code systemKey}; custom roles never do.
 * The name is a plain string because the seeded names ({@code @everyone}, {@code workspace_owner}) are exactly the
 * ones {@link RoleName} reserves for clients.
 */
public record Role(RoleId id, GuildId guildId, String name, int position, PermissionSet permissions,
                   boolean isSystem, Optional<SystemRoleKey> systemKey, Optional<ColorHex> colorHex) {
    public static final int MIN_POSITION = 0;
    public static final int MAX_POSITION = 10000;

    public Role {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(guildId, "guildId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(systemKey, "systemKey");
        Objects.requireNonNull(colorHex, "colorHex");
        if (position < MIN_POSITION || position > MAX_POSITION) {
            throw new IllegalArgumentException("position must be within 0..10000, was " + position);
        }
        if (isSystem && systemKey.isEmpty()) {
            throw new IllegalArgumentException("an is_system role must have a system_key");
        }
    }

    /** Creates one of the four seeded roles of a new guild, exactly as SPEC 5.2 defines it. */
    public static Role seed(SystemRoleKey key, RoleId id, GuildId guildId) {
        SeededRoles.Definition d = SeededRoles.of(key);
        return new Role(id, guildId, d.name(), d.position(), d.permissions(), d.isSystem(), Optional.of(key),
                Optional.empty());
    }

    /** Creates a custom role: never {@code is_system}, no system key. */
    public static Role createCustom(RoleId id, GuildId guildId, RoleName name, CustomPosition position,
                                    PermissionSet permissions, Optional<ColorHex> colorHex) {
        return new Role(id, guildId, name.value(), position.value(), permissions, false, Optional.empty(), colorHex);
    }

    /** Rebuilds a stored row; storage constraints already hold, so only structural invariants are checked. */
    public static Role rebuild(RoleId id, GuildId guildId, String name, int position, PermissionSet permissions,
                               boolean isSystem, Optional<SystemRoleKey> systemKey, Optional<ColorHex> colorHex) {
        return new Role(id, guildId, name, position, permissions, isSystem, systemKey, colorHex);
    }

    /** True when this is the seeded role with that key. */
    public boolean is(SystemRoleKey key) {
        return systemKey.isPresent() && systemKey.get() == key;
    }

    /** Renames the role; an {@code is_system} role cannot be renamed (400). */
    public Role renamed(RoleName newName) {
        if (isSystem) {
            throw new InvalidRequestException("name: an is_system role cannot be renamed");
        }
        return new Role(id, guildId, newName.value(), position, permissions, isSystem, systemKey, colorHex);
    }

    public Role withPermissions(PermissionSet newPermissions) {
        return new Role(id, guildId, name, position, newPermissions, isSystem, systemKey, colorHex);
    }

    public Role withColor(Optional<ColorHex> newColor) {
        return new Role(id, guildId, name, position, permissions, isSystem, systemKey, newColor);
    }

    public Role atPosition(int newPosition) {
        return new Role(id, guildId, name, newPosition, permissions, isSystem, systemKey, colorHex);
    }
}
