package dev.filament.application.guild.service;

import dev.filament.application.guild.port.out.AccessLoader.GuildSnapshot;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.access.AccessContext;
import dev.filament.domain.guild.access.EffectivePermissions;
import dev.filament.domain.guild.access.PermissionEvaluator;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.role.GuildRoles;
import java.util.Objects;

/** Result of ladder step {@code G}: the guild, its roles and the caller's guild-level context. */
public record GuildAccess(GuildSnapshot snapshot, AccessContext actor) {
    public GuildAccess {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(actor, "actor");
    }

    public Guild guild() {
        return snapshot.guild();
    }

    public GuildRoles roles() {
        return snapshot.roles();
    }

    /** The caller's guild-level permissions (SPEC 5.4 without channel). */
    public EffectivePermissions permissions() {
        return PermissionEvaluator.evaluate(actor.atGuildLevel());
    }

    /** Ladder step {@code GP(p)}: 403 {@code forbidden} when the caller lacks {@code p} at guild level. */
    public GuildAccess require(Permission p) {
        permissions().require(p).orThrow();
        return this;
    }
}
