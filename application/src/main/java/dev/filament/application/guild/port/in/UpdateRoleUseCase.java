package dev.filament.application.guild.port.in;

import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.Role;
import java.util.Objects;
import java.util.Optional;

/** Use case: patch a role (SPEC 5.9 {@code PATCH /guilds/{g}/roles/{r}}). */
public interface UpdateRoleUseCase {

    /**
     * Returns the role after the patch ({@code Role}); one audit row per changed aspect ({@code role.update},
     * {@code role.permissions.update}, {@code role.color.update}); publishes {@code workspace_role_update} when
     * something changed.
     *
     * @throws InvalidRequestException 400 bad values, or renaming an {@code is_system} role
     * @throws dev.filament.domain.error.NotFoundException 404 role not in G
     * @throws dev.filament.domain.error.ForbiddenException 403 not manageable, escalation
     */
    Role update(UpdateRoleCommand command);

    /** The tri-state {@code color_hex}: key absent, {@code null}, or a value. */
    sealed interface ColorField permits Absent, Cleared, Given {
    }

    record Absent() implements ColorField {
    }

    record Cleared() implements ColorField {
    }

    record Given(String raw) implements ColorField {
        public Given {
            Objects.requireNonNull(raw, "raw");
        }
    }

    /** Body {@code {name?, permissions?, color_hex?}}: at least one key present (400 on construction). */
    record UpdateRoleCommand(RoleCommand target, Optional<String> name, Optional<PermissionSet> permissions,
                             ColorField color) {
        public UpdateRoleCommand {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(permissions, "permissions");
            Objects.requireNonNull(color, "color");
            if (name.isEmpty() && permissions.isEmpty() && color instanceof Absent) {
                throw new InvalidRequestException("at least one of name, permissions, color_hex is required");
            }
        }
    }
}
