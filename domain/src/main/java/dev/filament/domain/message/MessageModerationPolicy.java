package dev.filament.domain.message;

import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.guild.access.EffectivePermissions;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.id.UserId;
import dev.filament.domain.policy.Decision;

/**
 * Policy: who may edit or delete a message (SPEC 8.1): its author, or a holder of {@code delete_message} in the
 * channel; anyone else gets 403 {@code forbidden}. A change by a non-author is a moderation and gets audited.
 */
public final class MessageModerationPolicy {

    private MessageModerationPolicy() {
    }

    public static Decision mayChange(UserId caller, Message message, EffectivePermissions inChannel) {
        if (message.isAuthoredBy(caller) || inChannel.has(Permission.DELETE_MESSAGE)) {
            return Decision.allow();
        }
        return Decision.deny(() -> ForbiddenException.because("only the author or delete_message may change it"));
    }

    /** True when the change must be audited as {@code message.edit.moderation} / {@code .delete.moderation}. */
    public static boolean isModeration(UserId caller, Message message) {
        return !message.isAuthoredBy(caller);
    }
}
