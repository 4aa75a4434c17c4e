package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.DeleteRoleUseCase;
import dev.filament.application.guild.port.in.RoleCommand;
import dev.filament.application.guild.port.out.GuildRepository;
import dev.filament.application.guild.port.out.RoleRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.wire.GuildEvent;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.policy.RoleManagementPolicy;
import dev.filament.domain.guild.role.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Implements {@link DeleteRoleUseCase} under the guild row lock; post-commit event, revalidation and voice. */
public final class DeleteRoleService implements DeleteRoleUseCase {
    private final UnitOfWork tx;
    private final GuildRepository guilds;
    private final RoleRepository roles;
    private final AccessLadder ladder;
    private final Audits audits;
    private final HandOffs handOffs;
    private final Clock clock;

    public DeleteRoleService(UnitOfWork tx, GuildRepository guilds, RoleRepository roles, AccessLadder ladder,
                             Audits audits, HandOffs handOffs, Clock clock) {
        this.tx = tx;
        this.guilds = guilds;
        this.roles = roles;
        this.ladder = ladder;
        this.audits = audits;
        this.handOffs = handOffs;
        this.clock = clock;
    }

    @Override
    public void delete(RoleCommand command) {
        Instant now = StoredTime.now(clock);
        tx.run(() -> {
            GuildAccess access = ladder.guild(command.user(), command.guild())
                    .require(Permission.MANAGE_WORKSPACE_ROLES);
            guilds.lock(command.guild()).orElseThrow();
            Role role = access.roles().find(command.role()).orElseThrow(() -> new NotFoundException("role"));
            RoleManagementPolicy.canDelete(access.actor(), role).orThrow();
            roles.delete(command.guild(), command.role());
            audits.write(command.guild(), command.user(), Optional.empty(), AuditAction.ROLE_DELETE, now,
                    new AuditDetails.RoleRef(command.role().value()));
        });
        handOffs.publishToGuild(command.guild(),
                GuildEvent.RoleDelete.of(command.guild(), command.role(), now, command.user()));
        handOffs.revalidate(command.guild());
    }
}
