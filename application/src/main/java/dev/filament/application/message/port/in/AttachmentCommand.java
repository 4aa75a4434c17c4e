package dev.filament.application.message.port.in;

import dev.filament.domain.id.AttachmentId;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;
import java.util.Objects;

/** The caller and the attachment of {@code GET} and {@code DELETE .../attachments/{a}} (SPEC 8.5). */
public record AttachmentCommand(UserId user, ClientIp clientIp, GuildId guild, ChannelId channel,
                                AttachmentId attachment) {
    public AttachmentCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(attachment, "attachment");
    }
}
