package dev.filament.application.message.port.in;

import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.MessageView;
import dev.filament.domain.net.ClientIp;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Use case: post a message to a channel (SPEC 8.1 {@code POST .../messages}, and the gateway's {@code message_create}
 * with the same rules, SPEC 9.4). Ladder {@code G}, {@code IP(surface)}, {@code C}, {@code CP(create_message)}; then
 * {@code attachment_ids} (at most 5 ULIDs, 400) and content 1..2000 chars, or 0..2000 with attachments (400);
 * the attachments (the caller's unbound uploads in this channel, else 400) are bound with the insert. The message and its search outbox row commit
 * together; afterwards {@code message_create} is published and the indexer woken, neither able to fail the call.
 */
public interface CreateMessageUseCase {

    /** The new message as {@code MessageResponse}. */
    MessageView create(CreateMessageCommand command);

    /**
     * @param surface       {@code messages.create} (REST) or {@code gateway.message_create} (gateway)
     * @param content       the raw content, validated by the use case after the ladder (SPEC 1.10 step 8)
     * @param attachmentIds the raw ids (absent and {@code null} are empty), validated by the use case
     */
    record CreateMessageCommand(UserId user, ClientIp clientIp, IpBanSurface surface, GuildId guild,
                                ChannelId channel, String content, List<String> attachmentIds) {
        private static final Set<IpBanSurface> SURFACES =
                EnumSet.of(IpBanSurface.MESSAGES_CREATE, IpBanSurface.GATEWAY_MESSAGE_CREATE);

        public CreateMessageCommand {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(clientIp, "clientIp");
            Objects.requireNonNull(surface, "surface");
            if (!SURFACES.contains(surface)) {
                throw new IllegalArgumentException("surface must be messages.create or gateway.message_create");
            }
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(content, "content");
            attachmentIds = List.copyOf(Objects.requireNonNull(attachmentIds, "attachmentIds"));
        }

        /** {@code POST /guilds/{g}/channels/{c}/messages} (surface {@code messages.create}). */
        public static CreateMessageCommand rest(UserId user, ClientIp clientIp, GuildId guild, ChannelId channel,
                                                String content, List<String> attachmentIds) {
            return new CreateMessageCommand(user, clientIp, IpBanSurface.MESSAGES_CREATE, guild, channel, content,
                    attachmentIds);
        }

        /** The gateway's {@code message_create} (surface {@code gateway.message_create}) without attachments. */
        public static CreateMessageCommand gateway(UserId user, ClientIp clientIp, GuildId guild, ChannelId channel,
                                                   String content) {
            return new CreateMessageCommand(user, clientIp, IpBanSurface.GATEWAY_MESSAGE_CREATE, guild, channel,
                    content, List.of());
        }
    }
}
