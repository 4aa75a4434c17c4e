package dev.filament.application.search.service;

import dev.filament.application.guild.service.GuildAccess;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageView;
import dev.filament.domain.message.StoredMessage;
import dev.filament.application.search.port.out.SearchCriteria;
import dev.filament.application.search.port.out.SearchQueryPort;
import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.port.out.ChannelRepository;
import dev.filament.application.markdown.port.out.MarkdownTokenizer;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.search.port.in.SearchMessagesUseCase;
import dev.filament.application.search.port.out.IndexedMessages;
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
    private final AccessLadder ladder;
    private final UnitOfWork unitOfWork;
    private final ChannelRepository channels;
    private final IndexedMessages messages;
    private final MarkdownTokenizer markdown;
    private final SearchQueryPort index;

    public SearchMessagesService(AccessLadder ladder, UnitOfWork unitOfWork, ChannelRepository channels,
                                 IndexedMessages messages, MarkdownTokenizer markdown, SearchQueryPort index) {
        this.ladder = ladder;
        this.unitOfWork = unitOfWork;
        this.channels = channels;
        this.messages = messages;
        this.markdown = markdown;
        this.index = index;
    }

    @Override
    public List<MessageView> search(SearchMessagesQuery query) {
        ladder.screen(query.user(), query.guild(), query.clientIp(), IpBanSurface.SEARCH_MESSAGES);
        List<StoredMessage> found = unitOfWork.inTransaction(() -> {
            GuildAccess access = ladder.guild(query.user(), query.guild());
            Set<ChannelId> readable = query.channel().isPresent()
                    ? Set.of(ladder.channel(access, query.channel().get()).require(Permission.CREATE_MESSAGE)
                            .channel().id())
                    : ReadableChannels.of(access, channels);
            List<MessageId> ids = index.find(new SearchCriteria(query.guild(), query.query(), readable,
                    query.channel(), query.limit()));
            return ids.isEmpty() ? List.<StoredMessage>of() : inMatchOrder(query, ids, readable);
        });
        return found.stream().map(this::view).toList();
    }

    /** The message with its markdown tokens (a pure function of the content, SPEC 8.2). */
    private MessageView view(StoredMessage stored) {
        return MessageView.of(stored, markdown.tokenize(stored.message().content().value()));
    }

    /** The matched messages in the index's order; ids whose message is gone (or unreadable) are dropped. */
    private List<StoredMessage> inMatchOrder(SearchMessagesQuery query, List<MessageId> ids,
                                             Set<ChannelId> readable) {
        Map<MessageId, StoredMessage> byId = messages.findAll(query.guild(), ids, query.user())
                .stream().collect(Collectors.toMap(m -> m.message().id(), Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull)
                .filter(m -> readable.contains(m.message().channelId())).toList();
    }
}
