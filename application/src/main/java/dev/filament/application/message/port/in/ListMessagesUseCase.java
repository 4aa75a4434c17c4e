package dev.filament.application.message.port.in;

import dev.filament.application.shared.Page;
import dev.filament.application.shared.PageLimit;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.Ulid;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.MessageView;
import dev.filament.domain.net.ClientIp;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Use case: page backwards through a channel's messages (SPEC 8.1 {@code GET .../messages?limit=&before=}, 8.4).
 * Ladder {@code G}, {@code IP(messages.list)}, {@code C}, {@code CP(create_message)}.
 */
public interface ListMessagesUseCase {
    int DEFAULT_LIMIT = 20;
    int MAX_LIMIT = 100;

    /**
     * Answered as {@code {messages: [MessageResponse], next_before}}: {@code message_id DESC}, strictly older than
     * {@code before}; {@code next_before} is the last id when the page holds {@code limit} messages, else null.
     */
    Page<MessageView> list(ListMessagesQuery query);

    /** {@code limit} 1..100 (default 20) and {@code before} a ULID, both checked on parse (400). */
    record ListMessagesQuery(UserId user, ClientIp clientIp, GuildId guild, ChannelId channel,
                             Optional<MessageId> before, int limit) {
        public ListMessagesQuery {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(clientIp, "clientIp");
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(before, "before");
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1..100, was " + limit);
            }
        }

        /** Route step 4 (SPEC 1.10): the raw query parameters, 400 {@code invalid_request} when out of shape. */
        public static ListMessagesQuery parse(UserId user, ClientIp clientIp, GuildId guild, ChannelId channel,
                                              Optional<String> before, OptionalInt limit) {
            Optional<MessageId> cursor = before.map(b -> MessageId.of(Ulid.parse(b)
                    .orElseThrow(() -> new InvalidRequestException("before must be a ULID"))));
            return new ListMessagesQuery(user, clientIp, guild, channel, cursor,
                    PageLimit.resolve(limit, DEFAULT_LIMIT, MAX_LIMIT));
        }
    }
}
