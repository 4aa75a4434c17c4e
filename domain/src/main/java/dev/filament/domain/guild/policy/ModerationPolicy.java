package dev.filament.domain.guild.policy;

import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.access.AccessContext;
import dev.filament.domain.policy.Decision;

/**
 * Policy: who may kick, ban or IP-ban whom (SPEC 6.2, 6.3, 6.6). Protected targets (server owner, workspace owner)
 * are never moderated; a non-owner actor must stand strictly higher than the target (H(actor) > H(target)).
 */
public final class ModerationPolicy {

    private ModerationPolicy() {
    }

    /** Kick: target not a member → 404; protected target → 403; hierarchy → 403. */
    public static Decision canKick(AccessContext actor, AccessContext target) {
        if (!target.isMember()) {
            return Decision.deny(() -> new NotFoundException("member"));
        }
        return Decision.firstDenial(() -> notProtected(target), () -> outranks(actor, target));
    }

    /** Ban: protected target → 403; a member target needs H(actor) > H(target) from a non-owner actor (403). */
    public static Decision canBan(AccessContext actor, AccessContext target) {
        return Decision.firstDenial(
                () -> notProtected(target),
                () -> target.isMember() ? outranks(actor, target) : Decision.allow());
    }

    /** IP ban by user: protected target → 403; non-owner actor needs H(actor) > H(target), non-members H = 0. */
    public static Decision canIpBan(AccessContext actor, AccessContext target) {
        return Decision.firstDenial(() -> notProtected(target), () -> outranks(actor, target));
    }

    static Decision notProtected(AccessContext target) {
        return target.isProtectedTarget()
                ? RoleManagementPolicy.forbidden("target is protected")
                : Decision.allow();
    }

    static Decision outranks(AccessContext actor, AccessContext target) {
        if (actor.isOwner() || actor.highestPosition() > target.highestPosition()) {
            return Decision.allow();
        }
        return RoleManagementPolicy.forbidden("actor does not stand above the target");
    }
}
