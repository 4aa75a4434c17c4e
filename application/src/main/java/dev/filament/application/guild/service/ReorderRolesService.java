package dev.filament.application.guild.service;

import dev.filament.application.guild.handoff.Wire;
import dev.filament.application.guild.port.in.ReorderRolesUseCase;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.policy.RoleReorderPolicy;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.id.RoleId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Implements {@link ReorderRolesUseCase} under the guild row lock. */
public final class ReorderRolesService implements ReorderRolesUseCase {
    private final GuildKit kit;

    public ReorderRolesService(GuildKit kit) {
        this.kit = kit;
    }

    @Override
    public void reorder(ReorderRolesCommand command) {
        Instant now = kit.now();
        List<String> ids = command.roleIds().stream().map(RoleId::value).toList();
        kit.store().unitOfWork().run(() -> {
            GuildAccess access = kit.ladder().guild(command.user(), command.guild())
                    .require(Permission.MANAGE_WORKSPACE_ROLES);
            kit.store().guilds().lock(command.guild()).orElseThrow();
            List<Role> ordered = RoleReorderPolicy.requireValidList(command.roleIds(), access.roles());
            RoleReorderPolicy.canReorder(access.actor(), ordered).orThrow();
            Map<RoleId, Integer> positions = RoleReorderPolicy.positions(command.roleIds());
            for (Role role : ordered) {
                kit.store().roles().update(role.atPosition(positions.get(role.id())));
            }
            kit.audits().write(command.guild(), command.user(), Optional.empty(), AuditAction.ROLE_REORDER, now,
                    "role_ids", ids);
        });
        kit.handOffs().publishToGuild(command.guild(), "workspace_role_reorder", Wire.object()
                .put("guild_id", command.guild().value()).put("role_ids", ids)
                .put("updated_at_unix", Wire.unix(now)).put("actor_user_id", command.user().value()).build());
    }
}
