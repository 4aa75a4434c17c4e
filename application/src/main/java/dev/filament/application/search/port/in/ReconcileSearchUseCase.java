package dev.filament.application.search.port.in;

import dev.filament.application.search.port.in.RebuildSearchUseCase.GuildSearchCommand;
import dev.filament.application.search.port.out.ReconcileResult;

/**
 * Use case: repair a guild's search index in one transaction (SPEC 10.3 {@code POST /guilds/{g}/search/reconcile}).
 * Ladder {@code G}, {@code IP(search.reconcile)}, {@code GP(manage_workspace_roles)}; a statement timeout is 503.
 */
public interface ReconcileSearchUseCase {

    /** Answered as {@code {upserted, deleted}}. */
    ReconcileResult reconcile(GuildSearchCommand command);
}
