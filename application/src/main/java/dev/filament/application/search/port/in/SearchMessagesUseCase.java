package dev.filament.application.search.port.in;

import dev.filament.application.shared.PageLimit;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.Ulid;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.MessageView;
import dev.filament.domain.net.ClientIp;
import dev.filament.domain.search.SearchQuery;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Use case: full-text search of a guild's messages (SPEC 10.1 {@code GET /guilds/{g}/search?q=&limit=&channel_id=}).
 * Query validation first, then {@code G}, {@code IP(search.messages)} and, with {@code channel_id}, {@code C} and
 * {@code CP(create_message)}. Only messages in channels where the caller has {@code create_message} are found; a
 * query timeout is 503 {@code unavailable}.
 */
public interface SearchMessagesUseCase {
    int DEFAULT_LIMIT = 20;
    int MAX_LIMIT = 50;

    /** Answered as {@code {message_ids, messages}} in rank order; messages deleted since the match are left out. */
    List<MessageView> search(SearchMessagesQuery query);

    record SearchMessagesQuery(UserId user, ClientIp clientIp, GuildId guild, SearchQuery query,
                               Optional<ChannelId> channel, int limit) {
        public SearchMessagesQuery {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(clientIp, "clientIp");
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(channel, "channel");
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1..50, was " + limit);
            }
        }

        /**
         * Query validation (SPEC 10.1, route step 4): {@code q} by the rules of {@link SearchQuery}, {@code limit}
         * 1..50 (default 20), {@code channel_id} a ULID; each broken rule is 400 {@code invalid_request}.
         */
        public static SearchMessagesQuery parse(UserId user, ClientIp clientIp, GuildId guild, Optional<String> q,
                                                OptionalInt limit, Optional<String> channelId) {
            SearchQuery query = SearchQuery.parse(q.orElse(""));
            int size = PageLimit.resolve(limit, DEFAULT_LIMIT, MAX_LIMIT);
            Optional<ChannelId> channel = channelId.map(c -> ChannelId.of(Ulid.parse(c)
                    .orElseThrow(() -> new InvalidRequestException("channel_id must be a ULID"))));
            return new SearchMessagesQuery(user, clientIp, guild, query, channel, size);
        }
    }
}
