package dev.filament.domain.guild.policy;

import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.access.AccessContext;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.policy.Decision;

/** Policy: which roles an actor may manage (SPEC 5.3 "manageable role"), delete, or make the default join role. */
public final class RoleManagementPolicy {

    private RoleManagementPolicy() {
    }

    /**
     * Manageable role T for actor A: A is server owner → yes; T is {@code @everyone} or {@code workspace_owner} → no;
     * A is workspace owner → yes; else T.position < H(A).
     */
    public static Decision canManage(AccessContext actor, Role role) {
        if (actor.isServerOwner()) {
            return Decision.allow();
        }
        if (role.is(SystemRoleKey.EVERYONE) || role.is(SystemRoleKey.WORKSPACE_OWNER)) {
            return forbidden("role " + role.name() + " is not manageable");
        }
        if (actor.isWorkspaceOwner()) {
            return Decision.allow();
        }
        return role.position() < actor.highestPosition()
                ? Decision.allow()
                : forbidden("role position is not below the actor's highest position");
    }

    /** DELETE role (SPEC 5.9): a role with a system key → 403; not manageable → 403. */
    public static Decision canDelete(AccessContext actor, Role role) {
        if (role.systemKey().isPresent()) {
            return forbidden("seeded roles cannot be deleted");
        }
        return canManage(actor, role);
    }

    /** Default join role (SPEC 5.9): an {@code is_system} role or the {@code member} role → 400; else manageable. */
    public static Decision canMakeDefaultJoinRole(AccessContext actor, Role role) {
        if (role.isSystem() || role.is(SystemRoleKey.MEMBER)) {
            return Decision.deny(() -> new InvalidRequestException("role_id cannot be the default join role"));
        }
        return canManage(actor, role);
    }

    static Decision forbidden(String reason) {
        return Decision.deny(() -> ForbiddenException.because(reason));
    }
}
