package dev.filament.application.guild.service;

import dev.filament.application.guild.handoff.Wire;
import dev.filament.application.guild.port.in.CreateRoleUseCase;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.policy.GuildQuotas;
import dev.filament.domain.guild.policy.RoleEditPolicy;
import dev.filament.domain.guild.role.ColorHex;
import dev.filament.domain.guild.role.CustomPosition;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.RoleName;
import java.time.Instant;
import java.util.Optional;

/** Implements {@link CreateRoleUseCase}; the 64-role cap is checked under the guild row lock. */
public final class CreateRoleService implements CreateRoleUseCase {
    private final GuildKit kit;

    public CreateRoleService(GuildKit kit) {
        this.kit = kit;
    }

    @Override
    public Role create(CreateRoleCommand command) {
        Instant now = kit.now();
        Role role = kit.store().tx(() -> {
            GuildAccess access = kit.ladder().guild(command.user(), command.guild())
                    .require(Permission.MANAGE_WORKSPACE_ROLES);
            RoleName name = RoleName.of(command.name());
            Optional<ColorHex> color = command.colorHex().map(ColorHex::of);
            CustomPosition position = command.position().isPresent()
                    ? CustomPosition.of(command.position().getAsInt())
                    : RoleEditPolicy.defaultPosition(access.actor());
            RoleEditPolicy.canCreate(access.actor(), position, command.permissions()).orThrow();
            kit.store().guilds().lock(command.guild()).orElseThrow();
            GuildQuotas.roomForRole(kit.store().roles().listOf(command.guild()).size()).orThrow();
            Role created = Role.createCustom(kit.ids().newRoleId(), command.guild(), name, position,
                    command.permissions(), color);
            kit.store().roles().insert(created, now);
            kit.audits().write(command.guild(), command.user(), Optional.empty(), AuditAction.ROLE_CREATE, now,
                    "role_id", created.id().value(), "name", created.name(), "position", created.position(),
                    "permissions", created.permissions().toWireList(),
                    "color_hex", created.colorHex().map(ColorHex::value).orElse(null));
            return created;
        });
        kit.handOffs().publishToGuild(command.guild(), "workspace_role_create", Wire.object()
                .put("guild_id", command.guild().value()).put("role", Wire.role(role))
                .put("actor_user_id", command.user().value()).build());
        return role;
    }
}
