package dev.filament.domain.guild.policy;

import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.access.AccessContext;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.policy.Decision;

/**
 * Policy: assigning and unassigning a role to a member (SPEC 5.9). The caller checks "role in G" (404) before and
 * "target is a member" (404), "already (un)assigned" and the assignment cap after these decisions. The target is
 * given as its guild-level context (a non-member's has H = 0).
 */
public final class RoleAssignmentPolicy {

    private RoleAssignmentPolicy() {
    }

    /**
     * Assign: {@code @everyone} or {@code member} → 400 (implicit); {@code workspace_owner} by anyone but the server
     * owner → 403; non-owner: role manageable and its mask within the actor's guild mask, else 403; non-owner acting
     * on another member: the target must stand below the actor, else 403.
     */
    public static Decision canAssign(AccessContext actor, Role role, AccessContext target) {
        return Decision.firstDenial(
                () -> notImplicit(role),
                () -> workspaceOwnerOnlyByServerOwner(actor, role),
                () -> actor.isOwner() ? Decision.allow() : RoleManagementPolicy.canManage(actor, role),
                () -> actor.isOwner() ? Decision.allow() : NoEscalationPolicy.assignedRole(actor, role),
                () -> targetBelowActor(actor, target));
    }

    /** Unassign: the same checks as {@link #canAssign} except the mask rule. */
    public static Decision canUnassign(AccessContext actor, Role role, AccessContext target) {
        return Decision.firstDenial(
                () -> notImplicit(role),
                () -> workspaceOwnerOnlyByServerOwner(actor, role),
                () -> actor.isOwner() ? Decision.allow() : RoleManagementPolicy.canManage(actor, role),
                () -> targetBelowActor(actor, target));
    }

    /**
     * The target's rank, as for kick (SPEC 6.2): a non-owner acting on another member needs H(actor) > H(target);
     * owners, the actor itself and non-members (404 later) pass. The workspace owner (10000) and the server owner
     * stand above every non-owner.
     */
    public static Decision targetBelowActor(AccessContext actor, AccessContext target) {
        if (actor.isOwner() || !target.isMember() || target.user().equals(actor.user())) {
            return Decision.allow();
        }
        return ModerationPolicy.outranks(actor, target);
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
