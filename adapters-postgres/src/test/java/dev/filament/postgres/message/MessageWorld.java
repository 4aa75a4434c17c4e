package dev.filament.postgres.message;

import static dev.filament.postgres.jooq.Tables.SEARCH_OUTBOX;
import static dev.filament.postgres.jooq.Tables.USERS;

import dev.filament.application.shared.RequestBudget;
import dev.filament.application.shared.RequestTimings;
import dev.filament.application.shared.fakes.MutableClock;
import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher;
import dev.filament.application.guild.port.SimpleJsonSerializer;
import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.application.guild.port.out.RecordingHandOffPorts;
import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.service.GuildGraph;
import dev.filament.application.guild.service.IpBanHitThrottle;
import dev.filament.domain.guild.ipban.IpBanMatch;
import dev.filament.postgres.guild.AccessCache;
import dev.filament.application.guild.service.GuildServices;
import dev.filament.application.guild.service.GuildSettings;
import dev.filament.application.identity.fakes.RecordingIpObservationRecorder;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.markdown.port.out.MarkdownTokenizer;
import dev.filament.application.message.service.CreateMessageService;
import dev.filament.application.message.service.DeleteMessageService;
import dev.filament.application.message.service.EditMessageService;
import dev.filament.application.message.service.ListMessagesService;
import dev.filament.application.message.service.MessageFixture;
import dev.filament.application.message.service.MessageHandOffs;
import dev.filament.application.shared.RateLimiter;
import dev.filament.application.search.port.out.CountingSearchIndexQueue;
import dev.filament.application.search.port.out.SearchOutbox;
import dev.filament.application.search.service.IndexerWakeUp;
import dev.filament.application.search.service.RebuildSearchService;
import dev.filament.application.search.service.ReconcileSearchService;
import dev.filament.application.search.service.SearchMessagesService;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.MarkdownToken;
import dev.filament.domain.net.ClientIp;
import dev.filament.domain.net.IpAddress;
import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.guild.PostgresGuildPorts;
import dev.filament.postgres.search.JooqSearchIndexStore;
import dev.filament.postgres.search.JooqSearchOutbox;
import dev.filament.postgres.search.JooqSearchQuery;
import dev.filament.postgres.testing.TestDatabase;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The message and search services wired by constructor as the bootstrap wires them, over the jOOQ adapters on the
 * shared test database, with the application's recording fakes for the post-commit hand-offs. The clock is "now" so
 * outbox rows are due for the indexer at once.
 */
final class MessageWorld {
    static final ClientIp IP = new ClientIp(IpAddress.parse("203.0.113.7").orElseThrow(), ClientIp.Source.PEER);
    static final MarkdownTokenizer MARKDOWN = content -> List.of(new MarkdownToken.Text(content));

    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final TestIds ids = new TestIds();
    final RecordingGatewayEventPublisher gateway = new RecordingGatewayEventPublisher();
    final RecordingHandOffPorts failures = new RecordingHandOffPorts(() -> false);
    final CountingSearchIndexQueue wakes = new CountingSearchIndexQueue();
    final JooqUnitOfWork unitOfWork;
    final GuildPorts store;
    final JooqMessageRepository messages;
    final JooqSearchIndexStore indexer;
    final GuildServices guilds;
    final MessageFixture.Messages useCases;
    final MessageFixture.Search search;
    final AccessLadder ladder;

    MessageWorld(TestDatabase db) {
        this(db, UnaryOperator.identity());
    }

    /** @param outboxDecorator wraps the real outbox, e.g. to make it fail after writing */
    MessageWorld(TestDatabase db, UnaryOperator<SearchOutbox> outboxDecorator) {
        unitOfWork = JooqUnitOfWork.create(db.dataSource(), db.defaultSettings(), new RequestBudget());
        store = PostgresGuildPorts.over(unitOfWork);
        messages = new JooqMessageRepository(unitOfWork);
        indexer = new JooqSearchIndexStore(unitOfWork, clock);
        GuildGraph graph = GuildGraph.of(store, GuildSettings.defaults(), ids, clock, gateway,
                new SimpleJsonSerializer(), failures, failures, failures);
        guilds = graph.services(
                new RateLimiter(LimitPolicy.slidingWindow("directory_join_ip", 60, 60), clock),
                new RateLimiter(LimitPolicy.slidingWindow("directory_join_user", 30, 60), clock),
                new RecordingIpObservationRecorder());
        SearchOutbox outbox = outboxDecorator.apply(new JooqSearchOutbox(unitOfWork, clock));
        // as the bootstrap wires it: the message services walk the ladder from the access cache
        AccessCache cache = new AccessCache(store.access(), store.ipBans(), unitOfWork.guildChanges());
        ladder = new AccessLadder(unitOfWork, cache.loader(), cache.ipBans(), GuildSettings.defaults(),
                new IpBanMatch(GuildSettings.defaults().infrastructure()), new IpBanHitThrottle(), graph.audits(),
                graph.handOffs(), clock);
        RequestTimings timings = new RequestTimings();
        MessageHandOffs handOffs = new MessageHandOffs(graph.handOffs(), wakes, timings);
        useCases = new MessageFixture.Messages(
                new CreateMessageService(ladder, unitOfWork, messages, outbox, MARKDOWN, handOffs, ids, clock),
                new ListMessagesService(ladder, unitOfWork, messages, MARKDOWN),
                new EditMessageService(ladder, unitOfWork, messages, outbox, MARKDOWN, graph.audits(), handOffs,
                        clock),
                new DeleteMessageService(ladder, unitOfWork, messages, outbox, graph.audits(), handOffs, clock));
        IndexerWakeUp wakeUp = new IndexerWakeUp(graph.handOffs(), wakes, timings);
        search = new MessageFixture.Search(new SearchMessagesService(ladder, unitOfWork, store.channels(),
                messages, MARKDOWN, new JooqSearchQuery(unitOfWork)),
                new RebuildSearchService(ladder, unitOfWork, outbox, wakeUp),
                new ReconcileSearchService(ladder, unitOfWork, outbox, wakeUp));
    }

    UserId user() {
        UserId user = ids.newUserId();
        unitOfWork.dsl().insertInto(USERS)
                .set(USERS.USER_ID, user.value())
                .set(USERS.USERNAME, TestIds.uniqueUsername())
                .set(USERS.PASSWORD_HASH, "$argon2id$test")
                .set(USERS.CREATED_AT, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .execute();
        return user;
    }

    /** The guild's outbox rows as {@code op:message_id}, oldest first. */
    List<String> outbox(GuildId guild) {
        return unitOfWork.dsl().selectFrom(SEARCH_OUTBOX).where(SEARCH_OUTBOX.GUILD_ID.eq(guild.value()))
                .orderBy(SEARCH_OUTBOX.OUTBOX_ID)
                .fetch(r -> r.getOp() + ":" + r.getMessageId());
    }

    /** Runs the indexer until no upsert is due. */
    void index() {
        while (indexer.indexDueUpserts().rows() > 0) {
            // one batch per call
        }
    }
}
