package dev.filament.application.message.port.in;

/**
 * Use case: delete an attachment (SPEC 8.5 {@code DELETE .../attachments/{a}}, answered 204). Ladder {@code G},
 * {@code IP(attachments.delete)}, {@code C}, {@code CP(create_message)}; not of this channel, or unbound and not the
 * caller's → 404; neither owner nor {@code CP(delete_message)} → 403; then one transaction, locking the message when
 * bound: the last attachment of a message with empty content → 409 {@code conflict}; the row is deleted (its blob
 * key enters the collector), {@code attachment.delete.moderation} audited for a non-owner. Then the collector is
 * woken. No gateway event.
 */
public interface DeleteAttachmentUseCase {

    void delete(AttachmentCommand command);
}
