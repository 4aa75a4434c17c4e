package dev.filament.application.guild.service;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.guild.port.out.RoleRepository;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The audience of {@code workspace_ip_ban_sync} (SPEC 9.5): users holding guild-level {@code manage_ip_bans},
 * computed by the publishing request inside its transaction so the dispatcher does no database work.
 */
public final class IpBanSyncAudience {
    private final RoleRepository roles;
    private final GuildSettings settings;

    public IpBanSyncAudience(RoleRepository roles, GuildSettings settings) {
        this.roles = roles;
        this.settings = settings;
    }

    GatewayEvent.Scope of(GuildAccess access) {
        List<Role> granting = access.roles().all().stream()
                .filter(r -> r.permissions().contains(Permission.MANAGE_IP_BANS))
                .toList();
        boolean everyMember = granting.stream()
                .anyMatch(r -> r.is(SystemRoleKey.EVERYONE) || r.is(SystemRoleKey.MEMBER));
        if (everyMember) {
            return GatewayEvent.Scope.guild(access.guild().id());
        }
        List<RoleId> ids = granting.stream().map(Role::id).toList();
        Set<UserId> audience = new HashSet<>(roles.holdersOfAny(access.guild().id(), ids));
        settings.serverOwner().ifPresent(audience::add);
        return GatewayEvent.Scope.guildAudience(access.guild().id(), audience);
    }
}
