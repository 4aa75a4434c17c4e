package dev.filament.domain.guild.policy;

import dev.filament.domain.guild.access.AccessContext;
import dev.filament.domain.guild.access.PermissionEvaluator;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.policy.Decision;

/**
 * Policy "no escalation" (SPEC 5.3): an actor may grant only bits it holds. Owners evaluate to all twelve
 * permissions, so for them every check passes, which is the SPEC's "non-owner" qualifier.
 */
public final class NoEscalationPolicy {

    private NoEscalationPolicy() {
    }

    /** New bits of a role's mask (those in {@code after} but not {@code before}) must be in A's guild mask. */
    public static Decision roleBits(AccessContext actor, PermissionSet before, PermissionSet after) {
        PermissionSet added = after.minus(before);
        return added.isWithin(guildMask(actor))
                ? Decision.allow()
                : RoleManagementPolicy.forbidden("grants permissions the actor lacks: " + added.toWireList());
    }

    /** An assigned role's mask must be within A's guild mask. */
    public static Decision assignedRole(AccessContext actor, Role role) {
        return role.permissions().isWithin(guildMask(actor))
                ? Decision.allow()
                : RoleManagementPolicy.forbidden("role grants permissions the actor lacks");
    }

    /** An override's {@code allow} must be within A's mask in that channel ({@code actorInChannel} has overrides). */
    public static Decision overrideAllow(AccessContext actorInChannel, PermissionSet allow) {
        PermissionSet channelMask = PermissionEvaluator.evaluate(actorInChannel).permissions();
        return allow.isWithin(channelMask)
                ? Decision.allow()
                : RoleManagementPolicy.forbidden("override allows permissions the actor lacks in the channel");
    }

    static PermissionSet guildMask(AccessContext actor) {
        return PermissionEvaluator.evaluate(actor.atGuildLevel()).permissions();
    }
}
