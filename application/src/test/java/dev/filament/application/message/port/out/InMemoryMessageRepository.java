package dev.filament.application.message.port.out;

import dev.filament.application.search.port.out.InMemorySearchDatabase;
import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageContent;
import dev.filament.domain.message.StoredMessage;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Fake {@link MessageRepository}: the {@code messages} table in memory, ordered by id. When given the search fakes'
 * {@link InMemorySearchDatabase}, every write is mirrored into its {@code messages} table, so the in-memory indexer
 * and query see the same rows, as the two would share one database. Row locks are no-ops (the in-memory unit of work
 * is serial) and nothing rolls back. Thread-safe.
 */
public final class InMemoryMessageRepository implements MessageRepository, InMemoryUnitOfWork.Participant {
    private final TreeMap<MessageId, Message> rows = new TreeMap<>();
    private final Optional<InMemorySearchDatabase> searchTables;
    private final InMemoryReactionRepository reactions = new InMemoryReactionRepository();
    private final InMemoryAttachmentRepository attachments = new InMemoryAttachmentRepository();

    public InMemoryMessageRepository() {
        this.searchTables = Optional.empty();
    }

    public InMemoryMessageRepository(InMemorySearchDatabase searchTables) {
        this.searchTables = Optional.of(searchTables);
    }

    /** The {@code message_reactions} table of this database (enlist it in the unit of work too). */
    public InMemoryReactionRepository reactions() {
        return reactions;
    }

    /** The {@code attachments} table of this database (enlist it in the unit of work too). */
    public InMemoryAttachmentRepository attachments() {
        return attachments;
    }

    /** Takes part in rollback: a copy of the rows now, and the action that puts them back. */
    @Override
    public synchronized Runnable snapshot() {
        TreeMap<MessageId, Message> then = new TreeMap<>(rows);
        return () -> {
            synchronized (this) {
                rows.clear();
                rows.putAll(then);
            }
        };
    }

    @Override
    public synchronized void insert(Message message) {
        if (rows.putIfAbsent(message.id(), message) != null) {
            throw new IllegalStateException("duplicate message id " + message.id());
        }
        searchTables.ifPresent(s -> s.putMessage(message.id(), message.guildId(), message.channelId(),
                message.content().value()));
    }

    @Override
    public synchronized Optional<Message> find(ChannelId channel, MessageId message) {
        return Optional.ofNullable(rows.get(message)).filter(m -> m.channelId().equals(channel));
    }

    @Override
    public Optional<Message> lock(ChannelId channel, MessageId message) {
        return find(channel, message);
    }

    @Override
    public synchronized List<StoredMessage> page(ChannelId channel, Optional<MessageId> before, int limit,
                                                 UserId viewer) {
        var newestFirst = before.map(b -> rows.headMap(b, false)).orElse(rows).descendingMap().values();
        return newestFirst.stream().filter(m -> m.channelId().equals(channel)).limit(limit)
                .map(m -> stored(m, viewer)).toList();
    }

    @Override
    public synchronized Optional<StoredMessage> edit(ChannelId channel, MessageId message, MessageContent content,
                                                     Instant editedAt, UserId viewer) {
        Optional<Message> edited = find(channel, message).map(m -> m.edited(content, editedAt));
        edited.ifPresent(m -> {
            rows.put(m.id(), m);
            searchTables.ifPresent(s -> s.editMessage(m.id(), content.value()));
        });
        return edited.map(m -> stored(m, viewer));
    }

    private StoredMessage stored(Message m, UserId viewer) {
        return new StoredMessage(m, attachments.of(m.id()), reactions.all(m.id(), viewer));
    }

    @Override
    public synchronized boolean delete(ChannelId channel, MessageId message) {
        if (find(channel, message).isEmpty()) {
            return false;
        }
        rows.remove(message);
        reactions.dropMessage(message);
        attachments.deleteOf(message);
        searchTables.ifPresent(s -> s.removeMessage(message));
        return true;
    }

    @Override
    public synchronized List<StoredMessage> findAll(GuildId guild, Collection<MessageId> ids, UserId viewer) {
        return ids.stream().distinct().map(rows::get)
                .filter(m -> m != null && m.guildId().equals(guild)).map(m -> stored(m, viewer)).toList();
    }

    /** Test inspection: how many rows the table holds. */
    public synchronized int count() {
        return rows.size();
    }
}
