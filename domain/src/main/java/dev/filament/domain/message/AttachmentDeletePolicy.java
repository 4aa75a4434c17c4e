package dev.filament.domain.message;

import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.guild.access.EffectivePermissions;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.id.UserId;
import dev.filament.domain.policy.Decision;

/**
 * Policy: who may delete an attachment and when (SPEC 8.5): its owner or a holder of {@code delete_message} in the
 * channel (403 otherwise); never the last attachment of a message whose content is empty (409 {@code conflict}: the
 * message would be left with nothing; delete the message instead). A delete by a non-owner is audited.
 */
public final class AttachmentDeletePolicy {

    private AttachmentDeletePolicy() {
    }

    public static Decision mayDelete(UserId caller, Attachment attachment, EffectivePermissions inChannel) {
        if (attachment.ownerId().equals(caller) || inChannel.has(Permission.DELETE_MESSAGE)) {
            return Decision.allow();
        }
        return Decision.deny(() -> ForbiddenException.because("only the owner or delete_message may delete it"));
    }

    /** @param boundCount how many attachments the (locked) message carries, this one included */
    public static Decision leavesMessageNonEmpty(Message message, int boundCount) {
        if (message.content().isEmpty() && boundCount <= 1) {
            return Decision.deny(() -> new ConflictException(ConflictException.CONFLICT,
                    "the last attachment of a message without content: delete the message instead"));
        }
        return Decision.allow();
    }

    public static boolean isModeration(UserId caller, Attachment attachment) {
        return !attachment.ownerId().equals(caller);
    }
}
