package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.CreateRoleUseCase;
import dev.filament.application.guild.port.out.GuildRepository;
import dev.filament.application.guild.port.out.RoleRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.wire.GuildEvent;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.policy.GuildQuotas;
import dev.filament.domain.guild.policy.RoleEditPolicy;
import dev.filament.domain.guild.role.ColorHex;
import dev.filament.domain.guild.role.CustomPosition;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.RoleName;
import dev.filament.domain.id.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Implements {@link CreateRoleUseCase}; the 64-role cap is checked under the guild row lock. */
public final class CreateRoleService implements CreateRoleUseCase {
    private final UnitOfWork tx;
    private final GuildRepository guilds;
    private final RoleRepository roles;
    private final AccessLadder ladder;
    private final Audits audits;
    private final HandOffs handOffs;
    private final IdGenerator ids;
    private final Clock clock;

    public CreateRoleService(UnitOfWork tx, GuildRepository guilds, RoleRepository roles, AccessLadder ladder,
                             Audits audits, HandOffs handOffs, IdGenerator ids, Clock clock) {
        this.tx = tx;
        this.guilds = guilds;
        this.roles = roles;
        this.ladder = ladder;
        this.audits = audits;
        this.handOffs = handOffs;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Role create(CreateRoleCommand command) {
        Instant now = StoredTime.now(clock);
        Role role = tx.inTransaction(() -> {
            GuildAccess access = ladder.guild(command.user(), command.guild())
                    .require(Permission.MANAGE_WORKSPACE_ROLES);
            RoleName name = RoleName.of(command.name());
            Optional<ColorHex> color = command.colorHex().map(ColorHex::of);
            CustomPosition position = command.position().isPresent()
                    ? CustomPosition.of(command.position().getAsInt())
                    : RoleEditPolicy.defaultPosition(access.actor());
            RoleEditPolicy.canCreate(access.actor(), position, command.permissions()).orThrow();
            guilds.lock(command.guild()).orElseThrow();
            GuildQuotas.roomForRole(roles.listOf(command.guild()).size()).orThrow();
            Role created = Role.createCustom(ids.newRoleId(), command.guild(), name, position,
                    command.permissions(), color);
            roles.insert(created, now);
            audits.write(command.guild(), command.user(), Optional.empty(), AuditAction.ROLE_CREATE, now,
                    new AuditDetails.RoleCreated(created.id().value(), created.name(), created.position(),
                            created.permissions().toWireList(),
                            created.colorHex().map(ColorHex::value).orElse(null)));
            return created;
        });
        handOffs.publishToGuild(command.guild(), GuildEvent.RoleCreate.of(command.guild(), role, command.user()));
        return role;
    }
}
