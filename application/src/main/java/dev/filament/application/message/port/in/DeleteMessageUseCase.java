package dev.filament.application.message.port.in;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;
import java.util.Objects;

/**
 * Use case: delete a message (SPEC 8.1 {@code DELETE .../messages/{m}}, answered 204). Ladder {@code G},
 * {@code IP(messages.delete)}, {@code C}, {@code CP(create_message)}; message not in the channel → 404; neither author
 * nor {@code CP(delete_message)} → 403. One transaction deletes the row and its search document (deleted text is never
 * found, SPEC 10.2.1) and, for a non-author, writes {@code message.delete.moderation}; then {@code message_delete}.
 */
public interface DeleteMessageUseCase {

    void delete(DeleteMessageCommand command);

    record DeleteMessageCommand(UserId user, ClientIp clientIp, GuildId guild, ChannelId channel, MessageId message) {
        public DeleteMessageCommand {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(clientIp, "clientIp");
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(message, "message");
        }
    }
}
