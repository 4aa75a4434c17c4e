package dev.filament.application.search.usecase;

import dev.filament.application.message.MessageKit;
import dev.filament.domain.guild.ipban.IpBanSurface;

/** Implements {@link RebuildSearchUseCase}; the indexer is woken only when a new rebuild row was queued. */
public final class RebuildSearchService implements RebuildSearchUseCase {
    private final MessageKit kit;

    public RebuildSearchService(MessageKit kit) {
        this.kit = kit;
    }

    @Override
    public void rebuild(GuildSearchCommand command) {
        boolean queued = GuildSearchAccess.inTransaction(kit, command, IpBanSurface.SEARCH_REBUILD,
                () -> kit.outbox().enqueueRebuild(command.guild()));
        if (queued) {
            kit.handOffs().wakeIndexer();
        }
    }
}
