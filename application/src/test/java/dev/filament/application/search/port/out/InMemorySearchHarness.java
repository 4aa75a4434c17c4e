package dev.filament.application.search.port.out;

import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.application.shared.fakes.MutableClock;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The in-memory {@link SearchHarness}: the three fakes over one {@link InMemorySearchDatabase}. */
public final class InMemorySearchHarness implements SearchHarness {
    private final TestIds ids = new TestIds();
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final InMemorySearchDatabase db = new InMemorySearchDatabase(clock);
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork().enlist(db);
    private final InMemorySearchOutbox outbox = new InMemorySearchOutbox(db);
    private final InMemorySearchIndexStore store = new InMemorySearchIndexStore(db);
    private final InMemorySearchQuery queries = new InMemorySearchQuery(db);

    public InMemorySearchDatabase database() {
        return db;
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Override
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    public SearchOutbox outbox() {
        return outbox;
    }

    @Override
    public SearchIndexStore store() {
        return store;
    }

    @Override
    public SearchQueryPort queries() {
        return queries;
    }

    @Override
    public GuildId newGuild() {
        return new GuildId(ids.next());
    }

    @Override
    public ChannelId newChannel(GuildId guild) {
        return new ChannelId(ids.next());
    }

    @Override
    public MessageId newMessage(GuildId guild, ChannelId channel, String content) {
        MessageId id = new MessageId(ids.next());
        db.putMessage(id, guild, channel, content);
        return id;
    }

    @Override
    public List<MessageId> newMessages(GuildId guild, ChannelId channel, int count, String content) {
        List<MessageId> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(newMessage(guild, channel, content));
        }
        return out;
    }

    @Override
    public void editMessage(MessageId message, String content) {
        db.editMessage(message, content);
    }

    @Override
    public void removeMessage(MessageId message) {
        db.removeMessage(message);
    }

    @Override
    public List<OutboxEntry> outboxRows(GuildId guild) {
        return db.outboxRows(guild);
    }

    @Override
    public Optional<Integer> documentRevision(MessageId message) {
        return db.documentRevision(message);
    }

    @Override
    public void setAttempts(GuildId guild, int attempts) {
        db.setAttempts(guild, attempts);
    }

    @Override
    public AutoCloseable breakIndexing() {
        return db.breakIndexing();
    }
}
