package dev.filament.application.search.service;

import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.search.port.in.RebuildSearchUseCase.GuildSearchCommand;
import dev.filament.application.search.port.in.ReconcileSearchUseCase;
import dev.filament.application.search.port.out.ReconcileResult;
import dev.filament.application.search.port.out.SearchOutbox;
import dev.filament.domain.guild.ipban.IpBanSurface;

/** Implements {@link ReconcileSearchUseCase}; the indexer is woken only when upserts were queued. */
public final class ReconcileSearchService implements ReconcileSearchUseCase {
    private final AccessLadder ladder;
    private final UnitOfWork unitOfWork;
    private final SearchOutbox outbox;
    private final IndexerWakeUp wakeUp;

    public ReconcileSearchService(AccessLadder ladder, UnitOfWork unitOfWork, SearchOutbox outbox,
                                  IndexerWakeUp wakeUp) {
        this.ladder = ladder;
        this.unitOfWork = unitOfWork;
        this.outbox = outbox;
        this.wakeUp = wakeUp;
    }

    @Override
    public ReconcileResult reconcile(GuildSearchCommand command) {
        ReconcileResult result = GuildSearchAccess.inTransaction(ladder, unitOfWork, command,
                IpBanSurface.SEARCH_RECONCILE, () -> outbox.reconcile(command.guild()));
        if (result.upserted() > 0) {
            wakeUp.wake();
        }
        return result;
    }
}
