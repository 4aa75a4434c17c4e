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

    /**
     * Default join role (SPEC 5.9): any seeded role → 400 (only custom roles); a non-owner actor must be able to
     * manage the role and hold every bit of its mask, else 403, exactly as for assigning it: every new member
     * receives the role, so otherwise a role manager could hand permissions it lacks to an account of its own.
     */
    public static Decision canMakeDefaultJoinRole(AccessContext actor, Role role) {
        if (role.systemKey().isPresent()) {
            return Decision.deny(() -> new InvalidRequestException("role_id cannot be the default join role"));
        }
        if (actor.isOwner()) {
            return Decision.allow();
        }
        return Decision.firstDenial(() -> canManage(actor, role), () -> NoEscalationPolicy.assignedRole(actor, role));
    }

    static Decision forbidden(String reason) {
        return Decision.deny(() -> ForbiddenException.because(reason));
    }
}
