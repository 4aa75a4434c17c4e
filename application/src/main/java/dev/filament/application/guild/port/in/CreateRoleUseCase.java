package dev.filament.application.guild.port.in;

import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** Use case: create a custom role (SPEC 5.9 {@code POST /guilds/{g}/roles}). */
public interface CreateRoleUseCase {

    /**
     * Returns the role ({@code Role}); audits {@code role.create}; publishes {@code workspace_role_create}.
     *
     * @throws dev.filament.domain.error.InvalidRequestException 400 bad name, position or colour
     * @throws dev.filament.domain.error.ForbiddenException 403 ladder, position not below the caller, escalation
     * @throws dev.filament.domain.error.ConflictException 409 {@code quota_exceeded} at 64 roles
     */
    Role create(CreateRoleCommand command);

    /** Body {@code {name, permissions, position?, color_hex?}}. */
    record CreateRoleCommand(UserId user, GuildId guild, String name, PermissionSet permissions,
                             OptionalInt position, Optional<String> colorHex) {
        public CreateRoleCommand {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(permissions, "permissions");
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(colorHex, "colorHex");
        }
    }
}
