package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.SetDefaultJoinRoleUseCase;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.policy.RoleManagementPolicy;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.id.RoleId;
import java.time.Instant;
import java.util.Optional;

/** Implements {@link SetDefaultJoinRoleUseCase} under the guild row lock. */
public final class SetDefaultJoinRoleService implements SetDefaultJoinRoleUseCase {
    private final GuildKit kit;

    public SetDefaultJoinRoleService(GuildKit kit) {
        this.kit = kit;
    }

    @Override
    public void set(SetDefaultJoinRoleCommand command) {
        Instant now = kit.now();
        kit.store().unitOfWork().run(() -> {
            GuildAccess access = kit.ladder().guild(command.user(), command.guild())
                    .require(Permission.MANAGE_WORKSPACE_ROLES);
            Guild guild = kit.store().guilds().lock(command.guild()).orElseThrow();
            if (command.role().isPresent()) {
                Role role = access.roles().find(command.role().get())
                        .orElseThrow(() -> new InvalidRequestException("role_id is not a role of the guild"));
                RoleManagementPolicy.canMakeDefaultJoinRole(access.actor(), role).orThrow();
            }
            kit.store().guilds().update(guild.withDefaultJoinRole(command.role()));
            kit.audits().write(command.guild(), command.user(), Optional.empty(),
                    AuditAction.ROLE_DEFAULT_JOIN_UPDATE, now, "role_id", command.role().map(RoleId::value).orElse(null));
        });
    }
}
