package dev.filament.domain.guild.policy;

import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.access.AccessContext;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.policy.Decision;

/**
 * Policy: assigning and unassigning a role to a member (SPEC 5.9). The caller checks "role in G" (404) before and
 * "target is a member" (404), "already (un)assigned" and the assignment cap after these decisions.
 */
public final class RoleAssignmentPolicy {

    private RoleAssignmentPolicy() {
    }

    /**
     * Assign: {@code @everyone} or {@code member} → 400 (implicit); {@code workspace_owner} by anyone but the server
     * owner → 403; non-owner: role manageable and its mask within the actor's guild mask, else 403.
     */
    public static Decision canAssign(AccessContext actor, Role role) {
        return Decision.firstDenial(
                () -> notImplicit(role),
                () -> workspaceOwnerOnlyByServerOwner(actor, role),
                () -> actor.isOwner() ? Decision.allow() : RoleManagementPolicy.canManage(actor, role),
                () -> actor.isOwner() ? Decision.allow() : NoEscalationPolicy.assignedRole(actor, role));
    }

    /** Unassign: the same checks as {@link #canAssign} except the mask rule. */
    public static Decision canUnassign(AccessContext actor, Role role) {
        return Decision.firstDenial(
                () -> notImplicit(role),
                () -> workspaceOwnerOnlyByServerOwner(actor, role),
                () -> actor.isOwner() ? Decision.allow() : RoleManagementPolicy.canManage(actor, role));
    }

    /** Removing {@code workspace_owner} from its last holder → 403, whoever the actor is. */
    public static Decision keepsAWorkspaceOwner(Role role, long currentHolders) {
        return role.is(SystemRoleKey.WORKSPACE_OWNER) && currentHolders <= 1
                ? RoleManagementPolicy.forbidden("cannot remove the last workspace owner")
                : Decision.allow();
    }

    private static Decision notImplicit(Role role) {
        return role.is(SystemRoleKey.EVERYONE) || role.is(SystemRoleKey.MEMBER)
                ? Decision.deny(() -> new InvalidRequestException("role is implicit for every member"))
                : Decision.allow();
    }

    private static Decision workspaceOwnerOnlyByServerOwner(AccessContext actor, Role role) {
        return role.is(SystemRoleKey.WORKSPACE_OWNER) && !actor.isServerOwner()
                ? RoleManagementPolicy.forbidden("only the server owner manages workspace_owner assignments")
                : Decision.allow();
    }
}
