package dev.filament.postgres.search;

import static dev.filament.postgres.jooq.Tables.CHANNELS;
import static dev.filament.postgres.jooq.Tables.GUILDS;
import static dev.filament.postgres.jooq.Tables.MESSAGES;
import static dev.filament.postgres.jooq.Tables.SEARCH_DOCUMENTS;
import static dev.filament.postgres.jooq.Tables.SEARCH_OUTBOX;
import static dev.filament.postgres.jooq.Tables.USERS;

import dev.filament.application.shared.fakes.MutableClock;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.search.port.out.OutboxEntry;
import dev.filament.application.search.port.out.SearchHarness;
import dev.filament.application.search.port.out.SearchIndexStore;
import dev.filament.application.search.port.out.SearchOutbox;
import dev.filament.application.search.port.out.SearchQueryPort;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep6;

/**
 * The PostgreSQL {@link SearchHarness}: the three jOOQ adapters over one {@link SearchPool}, prerequisite rows written
 * with plain SQL through the same context, and {@link #breakIndexing()} holding {@code search_documents} locked from
 * another connection.
 */
final class PostgresSearchHarness implements SearchHarness {
    private final TestIds ids = new TestIds();
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final Map<GuildId, String> owners = new ConcurrentHashMap<>();
    private final SearchPool pool;
    private final DSLContext dsl;
    private final JooqSearchOutbox outbox;
    private final JooqSearchIndexStore store;
    private final JooqSearchQuery queries;

    PostgresSearchHarness(SearchPool pool) {
        this.pool = pool;
        this.dsl = pool.unitOfWork.dsl();
        this.outbox = new JooqSearchOutbox(pool.unitOfWork, clock);
        this.store = new JooqSearchIndexStore(pool.unitOfWork, clock);
        this.queries = new JooqSearchQuery(pool.unitOfWork);
    }

    @Override public MutableClock clock() { return clock; }
    @Override public UnitOfWork unitOfWork() { return pool.unitOfWork; }
    @Override public SearchOutbox outbox() { return outbox; }
    @Override public SearchIndexStore store() { return store; }
    @Override public SearchQueryPort queries() { return queries; }

    private OffsetDateTime now() {
        return OutboxOps.stored(clock.instant());
    }

    @Override
    public GuildId newGuild() {
        String owner = ids.next();
        dsl.insertInto(USERS).set(USERS.USER_ID, owner).set(USERS.USERNAME, "s_" + owner)
                .set(USERS.PASSWORD_HASH, "$argon2id$test").set(USERS.CREATED_AT, now()).execute();
        GuildId guild = new GuildId(ids.next());
        dsl.insertInto(GUILDS).set(GUILDS.GUILD_ID, guild.value()).set(GUILDS.NAME, "search")
                .set(GUILDS.CREATED_BY_USER_ID, owner).set(GUILDS.CREATED_AT, now()).execute();
        owners.put(guild, owner);
        return guild;
    }

    @Override
    public ChannelId newChannel(GuildId guild) {
        ChannelId channel = new ChannelId(ids.next());
        dsl.insertInto(CHANNELS).set(CHANNELS.CHANNEL_ID, channel.value()).set(CHANNELS.GUILD_ID, guild.value())
                .set(CHANNELS.NAME, "general").set(CHANNELS.CREATED_AT, now()).execute();
        return channel;
    }

    @Override
    public MessageId newMessage(GuildId guild, ChannelId channel, String content) {
        return newMessages(guild, channel, 1, content).get(0);
    }

    @Override
    public List<MessageId> newMessages(GuildId guild, ChannelId channel, int count, String content) {
        List<MessageId> created = new ArrayList<>(count);
        InsertValuesStep6<?, String, String, String, String, String, OffsetDateTime> insert = dsl.insertInto(MESSAGES,
                MESSAGES.MESSAGE_ID, MESSAGES.GUILD_ID, MESSAGES.CHANNEL_ID, MESSAGES.AUTHOR_ID, MESSAGES.CONTENT,
                MESSAGES.CREATED_AT);
        for (int i = 0; i < count; i++) {
            MessageId id = new MessageId(ids.next());
            created.add(id);
            insert = insert.values(id.value(), guild.value(), channel.value(), owners.get(guild), content, now());
        }
        insert.execute();
        return created;
    }

    @Override
    public void editMessage(MessageId message, String content) {
        dsl.update(MESSAGES).set(MESSAGES.CONTENT, content).set(MESSAGES.REVISION, MESSAGES.REVISION.plus(1))
                .set(MESSAGES.EDITED_AT, now()).where(MESSAGES.MESSAGE_ID.eq(message.value())).execute();
    }

    @Override
    public void removeMessage(MessageId message) {
        dsl.deleteFrom(MESSAGES).where(MESSAGES.MESSAGE_ID.eq(message.value())).execute();
    }

    @Override
    public List<OutboxEntry> outboxRows(GuildId guild) {
        return dsl.selectFrom(SEARCH_OUTBOX).where(SEARCH_OUTBOX.GUILD_ID.eq(guild.value()))
                .orderBy(SEARCH_OUTBOX.OUTBOX_ID).fetch(r -> new OutboxEntry(r.getOutboxId(),
                        new GuildId(r.getGuildId()), r.getOp(), Optional.ofNullable(r.getMessageId()).map(MessageId::new),
                        r.getAttempts(), r.getEnqueuedAt().toInstant(), r.getNextAttemptAt().toInstant()));
    }

    @Override
    public Optional<Integer> documentRevision(MessageId message) {
        return dsl.select(SEARCH_DOCUMENTS.REVISION).from(SEARCH_DOCUMENTS)
                .where(SEARCH_DOCUMENTS.MESSAGE_ID.eq(message.value())).fetchOptional(SEARCH_DOCUMENTS.REVISION);
    }

    @Override
    public void setAttempts(GuildId guild, int attempts) {
        dsl.update(SEARCH_OUTBOX).set(SEARCH_OUTBOX.ATTEMPTS, attempts)
                .where(SEARCH_OUTBOX.GUILD_ID.eq(guild.value())).execute();
    }

    @Override
    public AutoCloseable breakIndexing() {
        try {
            Connection locker = pool.db.dataSource().getConnection();
            locker.setAutoCommit(false);
            try (Statement s = locker.createStatement()) {
                s.execute("LOCK TABLE search_documents IN ACCESS EXCLUSIVE MODE");
            }
            return () -> {
                locker.rollback();
                locker.close();
            };
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock search_documents", e);
        }
    }
}
