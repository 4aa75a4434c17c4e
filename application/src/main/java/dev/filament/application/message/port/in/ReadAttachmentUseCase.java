package dev.filament.application.message.port.in;

import dev.filament.domain.message.Attachment;

/**
 * Use case: the access step of a download (SPEC 8.5 {@code GET .../attachments/{a}}). Ladder {@code G},
 * {@code IP(attachments.download)}, {@code C}, {@code CP(create_message)}; an attachment of another guild or channel,
 * or an unbound one of someone else, is 404. The caller then streams the blob.
 */
public interface ReadAttachmentUseCase {

    Attachment read(AttachmentCommand command);
}
