package dev.filament.application.search.port.out;

/**
 * Out-port: the post-commit hint that search work is waiting (SPEC 10.2.2). The durable work item is the outbox row
 * the use case wrote in its own transaction; this call only shortens the indexer's wait, so a lost hint costs at most
 * the indexer's 1 s poll.
 *
 * <p>Threading: called on request threads after the final commit (SPEC 1.11 W3). {@link #wake()} never blocks, never
 * throws and costs no more than an atomic operation, whatever state the indexer is in (busy, stuck, stopped).
 */
public interface SearchIndexQueue {

    /** Signals the indexer; a single permit, so many wakes before the indexer looks collapse into one. */
    void wake();
}
