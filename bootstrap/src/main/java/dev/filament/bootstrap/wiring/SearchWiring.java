package dev.filament.bootstrap.wiring;

import dev.filament.application.shared.RequestTimings;
import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.service.HandOffs;
import dev.filament.application.guild.port.out.ChannelRepository;
import dev.filament.application.search.port.out.SearchIndexQueue;
import dev.filament.application.search.port.out.SearchOutbox;
import dev.filament.application.search.service.IndexerWakeUp;
import dev.filament.application.search.service.RebuildSearchService;
import dev.filament.application.search.service.ReconcileSearchService;
import dev.filament.application.search.service.SearchMessagesService;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.markdown.CommonmarkTokenizer;
import dev.filament.http.search.SearchRoutes;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.message.JooqMessageRepository;
import dev.filament.postgres.search.JooqSearchOutbox;
import dev.filament.postgres.search.JooqSearchQuery;
import java.time.Clock;

/** Search (SPEC 10.1, 10.3): the query, the outbox, the indexer wake-up, the use cases and their routes. */
public final class SearchWiring {

    private SearchWiring() {
    }

    /**
     * @param ladder      the guild feature's access ladder
     * @param channels    the guild feature's channels (the readable channels of a guild-wide search)
     * @param handOffs    the guild feature's guarded post-commit hand-offs
     * @param searchQueue woken after a rebuild or reconcile queued work
     */
    public static SearchRoutes routes(AccessLadder ladder, ChannelRepository channels, HandOffs handOffs,
                                      JooqUnitOfWork unitOfWork, SearchIndexQueue searchQueue, Clock clock,
                                      RequestTimings timings, BearerAuthenticator bearer) {
        SearchOutbox outbox = new JooqSearchOutbox(unitOfWork, clock);
        IndexerWakeUp wakeUp = new IndexerWakeUp(handOffs, searchQueue, timings);
        return new SearchRoutes(
                new SearchMessagesService(ladder, unitOfWork, channels, new JooqMessageRepository(unitOfWork),
                        new CommonmarkTokenizer(), new JooqSearchQuery(unitOfWork)),
                new RebuildSearchService(ladder, unitOfWork, outbox, wakeUp),
                new ReconcileSearchService(ladder, unitOfWork, outbox, wakeUp),
                bearer);
    }
}
