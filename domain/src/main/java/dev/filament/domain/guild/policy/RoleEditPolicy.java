package dev.filament.domain.guild.policy;

import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.access.AccessContext;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.CustomPosition;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.RolePatch;
import dev.filament.domain.policy.Decision;

/** Policy: creating and patching roles (SPEC 5.9, POST and PATCH {@code /guilds/{g}/roles}). */
public final class RoleEditPolicy {
    /** Seeded {@code workspace_owner} position; H(actor) is capped here for the default position. */
    static final int OWNER_POSITION = 10000;

    private RoleEditPolicy() {
    }

    /** Default position of a new role: max(min(H(actor), 10000) − 1, 1). */
    public static CustomPosition defaultPosition(AccessContext actor) {
        return CustomPosition.of(Math.max(Math.min(actor.highestPosition(), OWNER_POSITION) - 1, 1));
    }

    /** Create: a non-owner needs position < H(actor) and permissions within its guild mask, else 403. */
    public static Decision canCreate(AccessContext actor, CustomPosition position, PermissionSet permissions) {
        if (actor.isOwner()) {
            return Decision.allow();
        }
        return Decision.firstDenial(
                () -> position.value() < actor.highestPosition()
                        ? Decision.allow()
                        : RoleManagementPolicy.forbidden("position must be below the actor's highest position"),
                () -> NoEscalationPolicy.roleBits(actor, PermissionSet.NONE, permissions));
    }

    /**
     * Patch, in SPEC order: not manageable → 403; new permission bits outside the actor's guild mask → 403;
     * renaming an {@code is_system} role → 400.
     */
    public static Decision canPatch(AccessContext actor, Role role, RolePatch patch) {
        return Decision.firstDenial(
                () -> RoleManagementPolicy.canManage(actor, role),
                () -> patch.permissions()
                        .map(p -> NoEscalationPolicy.roleBits(actor, role.permissions(), p))
                        .orElse(Decision.allow()),
                () -> patch.name().isPresent() && role.isSystem()
                        ? Decision.deny(() -> new InvalidRequestException("name: an is_system role cannot be renamed"))
                        : Decision.allow());
    }
}
