package dev.filament.application.search.usecase;

import dev.filament.application.message.MessageKit;
import dev.filament.application.search.ReconcileResult;
import dev.filament.application.search.usecase.RebuildSearchUseCase.GuildSearchCommand;
import dev.filament.domain.guild.ipban.IpBanSurface;

/** Implements {@link ReconcileSearchUseCase}; the indexer is woken only when upserts were queued. */
public final class ReconcileSearchService implements ReconcileSearchUseCase {
    private final MessageKit kit;

    public ReconcileSearchService(MessageKit kit) {
        this.kit = kit;
    }

    @Override
    public ReconcileResult reconcile(GuildSearchCommand command) {
        ReconcileResult result = GuildSearchAccess.inTransaction(kit, command, IpBanSurface.SEARCH_RECONCILE,
                () -> kit.outbox().reconcile(command.guild()));
        if (result.upserted() > 0) {
            kit.handOffs().wakeIndexer();
        }
        return result;
    }
}
