package dev.filament.application.search.service;

import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.search.port.in.RebuildSearchUseCase;
import dev.filament.application.search.port.out.SearchOutbox;
import dev.filament.domain.guild.ipban.IpBanSurface;

/** Implements {@link RebuildSearchUseCase}; the indexer is woken only when a new rebuild row was queued. */
public final class RebuildSearchService implements RebuildSearchUseCase {
    private final AccessLadder ladder;
    private final UnitOfWork unitOfWork;
    private final SearchOutbox outbox;
    private final IndexerWakeUp wakeUp;

    public RebuildSearchService(AccessLadder ladder, UnitOfWork unitOfWork, SearchOutbox outbox,
                                IndexerWakeUp wakeUp) {
        this.ladder = ladder;
        this.unitOfWork = unitOfWork;
        this.outbox = outbox;
        this.wakeUp = wakeUp;
    }

    @Override
    public void rebuild(GuildSearchCommand command) {
        boolean queued = GuildSearchAccess.inTransaction(ladder, unitOfWork, command, IpBanSurface.SEARCH_REBUILD,
                () -> outbox.enqueueRebuild(command.guild()));
        if (queued) {
            wakeUp.wake();
        }
    }
}
