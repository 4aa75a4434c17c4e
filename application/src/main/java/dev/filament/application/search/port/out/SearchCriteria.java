package dev.filament.application.search.port.out;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.search.SearchQuery;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a search may return (SPEC 10.1): the guild, the parsed query, the channels the caller may read
 * ({@code create_message} there), an optional single channel and the page size 1..50.
 */
public record SearchCriteria(GuildId guild, SearchQuery query, Set<ChannelId> readableChannels,
                             Optional<ChannelId> channel, int limit) {
    public static final int MAX_LIMIT = 50;

    public SearchCriteria {
        Objects.requireNonNull(guild, "guild");
        Objects.requireNonNull(query, "query");
        readableChannels = Set.copyOf(Objects.requireNonNull(readableChannels, "readableChannels"));
        Objects.requireNonNull(channel, "channel");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1..50, was " + limit);
        }
    }

    /** The channels actually searched: the readable ones, narrowed to {@link #channel()} when given. */
    public Set<ChannelId> searchedChannels() {
        return channel.map(c -> readableChannels.contains(c) ? Set.of(c) : Set.<ChannelId>of())
                .orElse(readableChannels);
    }

    /** True when nothing can match, so no store needs to be asked. */
    public boolean findsNothing() {
        return query.isEmpty() || searchedChannels().isEmpty();
    }
}
