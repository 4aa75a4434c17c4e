package dev.filament.domain.guild.access;

import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.LegacyRole;
import dev.filament.domain.policy.Decision;
import java.util.Objects;

/** Result of permission evaluation (SPEC 5.4) for a permitted user: the mask and the legacy role of SPEC 5.3. */
public record EffectivePermissions(PermissionSet permissions, LegacyRole legacyRole) {

    public EffectivePermissions {
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(legacyRole, "legacyRole");
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    /** Ladder step {@code GP(p)} / {@code CP(p)}: allowed when the permission is held, else 403 {@code forbidden}. */
    public Decision require(Permission permission) {
        return has(permission)
                ? Decision.allow()
                : Decision.deny(() -> ForbiddenException.because("missing permission " + permission.wire()));
    }
}
