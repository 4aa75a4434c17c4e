package dev.filament.domain.guild.policy;

import static dev.filament.domain.guild.permission.Permission.MANAGE_MEMBER_ROLES;
import static dev.filament.domain.guild.permission.Permission.MANAGE_ROLES;

import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.access.AccessContext;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.LegacyRole;
import dev.filament.domain.policy.Decision;

/** Policy: {@code PATCH /guilds/{g}/members/{u}} setting a member's legacy role (SPEC 6.1). */
public final class MemberRolePolicy {

    /** What the PATCH does to the target's explicit {@code moderator} assignment. */
    public enum Change {
        /** Same role requested: 200 without audit or event. */
        NONE,
        ADD_MODERATOR,
        REMOVE_MODERATOR
    }

    private MemberRolePolicy() {
    }

    /**
     * In SPEC order: actor's guild mask lacks both {@code manage_roles} and {@code manage_member_roles} → 403;
     * target not a member → 404; current or requested role is {@code owner} → 403; actor's rank does not exceed both
     * the current and the requested rank → 403.
     */
    public static Decision canSetLegacyRole(AccessContext actor, AccessContext target, LegacyRole requested) {
        return Decision.firstDenial(
                () -> holdsRoleManagement(actor),
                () -> target.isMember() ? Decision.allow() : Decision.deny(() -> new NotFoundException("member")),
                () -> target.legacyRole() == LegacyRole.OWNER || requested == LegacyRole.OWNER
                        ? RoleManagementPolicy.forbidden("the owner role cannot be set or changed here")
                        : Decision.allow(),
                () -> outranksBoth(actor.legacyRole(), target.legacyRole(), requested));
    }

    /** The change to perform once {@link #canSetLegacyRole} allowed it. */
    public static Change change(AccessContext target, LegacyRole requested) {
        LegacyRole current = target.legacyRole();
        if (current == requested) {
            return Change.NONE;
        }
        return requested == LegacyRole.MODERATOR ? Change.ADD_MODERATOR : Change.REMOVE_MODERATOR;
    }

    private static Decision holdsRoleManagement(AccessContext actor) {
        PermissionSet mask = NoEscalationPolicy.guildMask(actor);
        return mask.contains(MANAGE_ROLES) || mask.contains(MANAGE_MEMBER_ROLES)
                ? Decision.allow()
                : RoleManagementPolicy.forbidden("missing manage_roles or manage_member_roles");
    }

    private static Decision outranksBoth(LegacyRole actor, LegacyRole current, LegacyRole requested) {
        return actor.outranks(current) && actor.outranks(requested)
                ? Decision.allow()
                : RoleManagementPolicy.forbidden("actor's rank does not exceed the current and requested rank");
    }
}
