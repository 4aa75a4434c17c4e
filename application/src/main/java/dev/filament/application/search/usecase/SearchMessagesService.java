package dev.filament.application.search.usecase;

import dev.filament.application.guild.service.GuildAccess;
import dev.filament.application.message.Message;
import dev.filament.application.message.MessageKit;
import dev.filament.application.message.MessageView;
import dev.filament.application.search.SearchCriteria;
import dev.filament.application.search.SearchQueryPort;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.MessageId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Implements {@link SearchMessagesUseCase} with a constant number of reads: the readable channels (two), the match
 * (one) and the matched messages (one), all in one read transaction.
 */
public final class SearchMessagesService implements SearchMessagesUseCase {
    private final MessageKit kit;
    private final SearchQueryPort index;

    public SearchMessagesService(MessageKit kit, SearchQueryPort index) {
        this.kit = kit;
        this.index = index;
    }

    @Override
    public List<MessageView> search(SearchMessagesQuery query) {
        kit.screen(query.user(), query.guild(), query.clientIp(), IpBanSurface.SEARCH_MESSAGES);
        List<Message> found = kit.tx(() -> {
            var ladder = kit.ladder();
            GuildAccess access = ladder.guild(query.user(), query.guild());
            Set<ChannelId> readable = query.channel().isPresent()
                    ? Set.of(ladder.channel(access, query.channel().get()).require(Permission.CREATE_MESSAGE)
                            .channel().id())
                    : ReadableChannels.of(access, kit.channels());
            List<MessageId> ids = index.find(new SearchCriteria(query.guild(), query.query(), readable,
                    query.channel(), query.limit()));
            return ids.isEmpty() ? List.<Message>of() : inMatchOrder(query, ids, readable);
        });
        return found.stream().map(kit::view).toList();
    }

    /** The matched messages in the index's order; ids whose message is gone (or unreadable) are dropped. */
    private List<Message> inMatchOrder(SearchMessagesQuery query, List<MessageId> ids, Set<ChannelId> readable) {
        Map<MessageId, Message> byId = kit.messages().findAll(query.guild(), ids)
                .stream().collect(Collectors.toMap(Message::id, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull)
                .filter(m -> readable.contains(m.channelId())).toList();
    }
}
