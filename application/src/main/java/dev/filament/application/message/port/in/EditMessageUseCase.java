package dev.filament.application.message.port.in;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.MessageView;
import dev.filament.domain.net.ClientIp;
import java.util.Objects;

/**
 * Use case: change a message's content (SPEC 8.1 {@code PATCH .../messages/{m}}). Ladder {@code G},
 * {@code IP(messages.edit)}, {@code C}, {@code CP(create_message)}; content 1..2000 chars (400); message not in the
 * channel → 404; neither author nor {@code CP(delete_message)} → 403. One transaction updates the row (revision + 1),
 * queues the search upsert and, for a non-author, writes {@code message.edit.moderation}; then {@code message_update}
 * and a wake-up.
 */
public interface EditMessageUseCase {

    /** The edited message as {@code MessageResponse}: {@code created_at_unix} unchanged, {@code edited_at_unix} set. */
    MessageView edit(EditMessageCommand command);

    record EditMessageCommand(UserId user, ClientIp clientIp, GuildId guild, ChannelId channel, MessageId message,
                              String content) {
        public EditMessageCommand {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(clientIp, "clientIp");
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(content, "content");
        }
    }
}
