package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.SetDefaultJoinRoleUseCase;
import dev.filament.application.guild.port.out.GuildRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.policy.RoleManagementPolicy;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.id.RoleId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Implements {@link SetDefaultJoinRoleUseCase} under the guild row lock. */
public final class SetDefaultJoinRoleService implements SetDefaultJoinRoleUseCase {
    private final UnitOfWork tx;
    private final GuildRepository guilds;
    private final AccessLadder ladder;
    private final Audits audits;
    private final Clock clock;

    public SetDefaultJoinRoleService(UnitOfWork tx, GuildRepository guilds, AccessLadder ladder, Audits audits,
                                     Clock clock) {
        this.tx = tx;
        this.guilds = guilds;
        this.ladder = ladder;
        this.audits = audits;
        this.clock = clock;
    }

    @Override
    public void set(SetDefaultJoinRoleCommand command) {
        Instant now = StoredTime.now(clock);
        tx.run(() -> {
            GuildAccess access = ladder.guild(command.user(), command.guild())
                    .require(Permission.MANAGE_WORKSPACE_ROLES);
            Guild guild = guilds.lock(command.guild()).orElseThrow();
            if (command.role().isPresent()) {
                Role role = access.roles().find(command.role().get())
                        .orElseThrow(() -> new InvalidRequestException("role_id is not a role of the guild"));
                RoleManagementPolicy.canMakeDefaultJoinRole(access.actor(), role).orThrow();
            }
            guilds.update(guild.withDefaultJoinRole(command.role()));
            audits.write(command.guild(), command.user(), Optional.empty(),
                    AuditAction.ROLE_DEFAULT_JOIN_UPDATE, now,
                    new AuditDetails.DefaultJoinRoleChanged(command.role().map(RoleId::value).orElse(null)));
        });
    }
}
