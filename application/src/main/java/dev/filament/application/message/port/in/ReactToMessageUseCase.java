package dev.filament.application.message.port.in;

import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Reaction;
import dev.filament.domain.net.ClientIp;
import java.util.Objects;

/**
 * Use case: add or remove the caller's reaction (SPEC 8.6 {@code POST|DELETE .../messages/{m}/reactions/{emoji}}).
 * Ladder {@code G}, {@code IP(surface)}, {@code C}, {@code CP(create_message)}; then the emoji (400); then one
 * transaction that locks the message (not in the channel → 404) and writes: both idempotent, an add of a 65th distinct
 * emoji → 409 {@code quota_exceeded}. {@code message_reaction} is published only when a row changed.
 */
public interface ReactToMessageUseCase {

    /** The emoji's {@code Reaction} after the write, as seen by the caller. */
    Reaction react(ReactCommand command);

    /**
     * @param add   true for add (surface {@code messages.reactions.add}), false for remove
     * @param emoji the percent-decoded path segment, validated by the use case after the ladder
     */
    record ReactCommand(UserId user, ClientIp clientIp, GuildId guild, ChannelId channel, MessageId message,
                        String emoji, boolean add) {
        public ReactCommand {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(clientIp, "clientIp");
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(emoji, "emoji");
        }

        public IpBanSurface surface() {
            return add ? IpBanSurface.MESSAGES_REACTIONS_ADD : IpBanSurface.MESSAGES_REACTIONS_REMOVE;
        }
    }
}
