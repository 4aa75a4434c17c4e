package dev.filament.application.message.port.in;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Attachment;
import dev.filament.domain.net.ClientIp;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: upload an unbound attachment (SPEC 8.5 {@code POST .../attachments?filename=}, 8.7). Ladder {@code G},
 * {@code IP(attachments.upload)}, {@code C}, {@code CP(create_message)}; then the filename (400), the declared type
 * (400/415), the quota pre-check (409) before any body byte; then the body streamed into the blob store (cap 413,
 * sniffing 415, empty or incompatible type 400, running quota 409); then one transaction under the owner's row lock
 * that re-checks the quota and inserts the row. No event.
 */
public interface UploadAttachmentUseCase {

    Attachment upload(UploadAttachmentCommand command);

    /**
     * @param filename    the form-decoded {@code filename} query value; absent → {@code upload.bin}
     * @param contentType the request's {@code Content-Type} header as sent
     * @param body        the raw request body, read once in chunks and never closed by the use case
     */
    record UploadAttachmentCommand(UserId user, ClientIp clientIp, GuildId guild, ChannelId channel,
                                   Optional<String> filename, Optional<String> contentType, InputStream body) {
        public UploadAttachmentCommand {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(clientIp, "clientIp");
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
        }
    }
}
