package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.ReorderRolesUseCase;
import dev.filament.application.guild.port.out.GuildRepository;
import dev.filament.application.guild.port.out.RoleRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.wire.GuildEvent;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.policy.RoleReorderPolicy;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.id.RoleId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Implements {@link ReorderRolesUseCase} under the guild row lock. */
public final class ReorderRolesService implements ReorderRolesUseCase {
    private final UnitOfWork tx;
    private final GuildRepository guilds;
    private final RoleRepository roles;
    private final AccessLadder ladder;
    private final Audits audits;
    private final HandOffs handOffs;
    private final Clock clock;

    public ReorderRolesService(UnitOfWork tx, GuildRepository guilds, RoleRepository roles, AccessLadder ladder,
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
    public void reorder(ReorderRolesCommand command) {
        Instant now = StoredTime.now(clock);
        List<String> ids = command.roleIds().stream().map(RoleId::value).toList();
        tx.run(() -> {
            GuildAccess access = ladder.guild(command.user(), command.guild())
                    .require(Permission.MANAGE_WORKSPACE_ROLES);
            guilds.lock(command.guild()).orElseThrow();
            List<Role> ordered = RoleReorderPolicy.requireValidList(command.roleIds(), access.roles());
            RoleReorderPolicy.canReorder(access.actor(), ordered).orThrow();
            Map<RoleId, Integer> positions = RoleReorderPolicy.positions(command.roleIds());
            for (Role role : ordered) {
                roles.update(role.atPosition(positions.get(role.id())));
            }
            audits.write(command.guild(), command.user(), Optional.empty(), AuditAction.ROLE_REORDER, now,
                    new AuditDetails.RolesReordered(ids));
        });
        handOffs.publishToGuild(command.guild(), new GuildEvent.RoleReorder(command.guild().value(), ids,
                now.getEpochSecond(), Optional.of(command.user().value())));
    }
}
