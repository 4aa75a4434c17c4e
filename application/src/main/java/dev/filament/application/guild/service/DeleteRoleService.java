package dev.filament.application.guild.service;

import dev.filament.application.guild.handoff.Wire;
import dev.filament.application.guild.port.in.DeleteRoleUseCase;
import dev.filament.application.guild.port.in.RoleCommand;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.policy.RoleManagementPolicy;
import dev.filament.domain.guild.role.Role;
import java.time.Instant;
import java.util.Optional;

/** Implements {@link DeleteRoleUseCase} under the guild row lock; post-commit event, revalidation and voice. */
public final class DeleteRoleService implements DeleteRoleUseCase {
    private final GuildKit kit;

    public DeleteRoleService(GuildKit kit) {
        this.kit = kit;
    }

    @Override
    public void delete(RoleCommand command) {
        Instant now = kit.now();
        kit.store().unitOfWork().run(() -> {
            GuildAccess access = kit.ladder().guild(command.user(), command.guild())
                    .require(Permission.MANAGE_WORKSPACE_ROLES);
            kit.store().guilds().lock(command.guild()).orElseThrow();
            Role role = access.roles().find(command.role()).orElseThrow(() -> new NotFoundException("role"));
            RoleManagementPolicy.canDelete(access.actor(), role).orThrow();
            kit.store().roles().delete(command.guild(), command.role());
            kit.audits().write(command.guild(), command.user(), Optional.empty(), AuditAction.ROLE_DELETE, now,
                    "role_id", command.role().value());
        });
        kit.handOffs().publishToGuild(command.guild(), "workspace_role_delete", Wire.object()
                .put("guild_id", command.guild().value()).put("role_id", command.role().value())
                .put("deleted_at_unix", Wire.unix(now)).put("actor_user_id", command.user().value()).build());
        kit.handOffs().revalidate(command.guild());
    }
}
