package dev.filament.application.search.service;

import dev.filament.application.shared.RequestTimings;
import dev.filament.application.guild.service.HandOffs;
import dev.filament.application.search.port.out.SearchIndexQueue;

/**
 * The post-commit wake-up of the search indexer after a rebuild or reconcile (SPEC 10.2.2, 10.3): goes through
 * {@link HandOffs#guarded}, so a failure is reported and never reaches the caller; its duration is the
 * {@code search_enqueue} phase of SPEC 14.3.
 */
public final class IndexerWakeUp {
    static final String WAKE = "search.wake";

    private final HandOffs handOffs;
    private final SearchIndexQueue searchQueue;
    private final RequestTimings timings;

    public IndexerWakeUp(HandOffs handOffs, SearchIndexQueue searchQueue, RequestTimings timings) {
        this.handOffs = handOffs;
        this.searchQueue = searchQueue;
        this.timings = timings;
    }

    /** Signals the search indexer. */
    public void wake() {
        timings.time(RequestTimings.Phase.SEARCH_ENQUEUE, () -> handOffs.guarded(WAKE, searchQueue::wake));
    }
}
