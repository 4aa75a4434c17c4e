package dev.filament.application.search.port.out;

/**
 * Out-port: the indexer's side of the search store (SPEC 10.2.3, 10.3). Each call runs its own transaction(s); none
 * joins a caller's. Outbox rows are claimed with {@code FOR UPDATE SKIP LOCKED} semantics, so two indexers never
 * apply the same row at once and a row held by one is skipped, not waited for, by the other.
 *
 * <p>Failure: a batch that fails is rolled back and its claimed rows get {@code attempts + 1} and
 * {@code next_attempt_at = now + min(2^attempts, 60) s} (with the attempts before the increment: 1 s, 2 s, 4 s, ...,
 * 60 s), recorded in a separate transaction; rows are never discarded. These methods report failures in their
 * {@link BatchResult} instead of throwing.
 *
 * <p>Threading: called by the single indexer thread (and readiness probes for {@link #backlog()}); each call blocks
 * for at most the database bounds (pool, statement, lock). Never called on a request path.
 */
public interface SearchIndexStore {
    /** Most {@code upsert} rows one batch claims. */
    int UPSERT_BATCH = 256;
    /** Most messages one rebuild batch re-indexes. */
    int REBUILD_BATCH = 1_000;

    /**
     * Claims at most {@value #UPSERT_BATCH} due {@code upsert} rows and, in ONE transaction, writes each message's
     * current content and revision as its document (messages that no longer exist are skipped and any document left
     * for them removed), then deletes the claimed rows. A document is never replaced by an older revision.
     */
    BatchResult indexDueUpserts();

    /**
     * Runs the next step of the oldest due {@code rebuild} row: in one transaction, replaces the guild's documents for
     * the next {@value #REBUILD_BATCH} messages in ascending id order (after the previous step's last id); the step
     * that reaches the end also deletes the guild's documents beyond it and the rebuild row. Progress is kept in
     * memory only: after a restart the rebuild starts again from the first message.
     */
    BatchResult rebuildNextBatch();

    /** Rows in the outbox (due or not) and the enqueue time of the oldest; blocks at most the statement bound. */
    SearchBacklog backlog();

    /**
     * Which kinds of work are due now, in one cheap read without a transaction, so an idle indexer polls with a
     * single query and never claims rebuilds unless a rebuild row is due. May throw on a database failure. By
     * default: both may be due (the indexer then simply tries both).
     */
    default DueWork due() {
        return new DueWork(true, true);
    }

    /** What {@link #due()} found: due {@code upsert} rows, a due {@code rebuild} row. */
    record DueWork(boolean upserts, boolean rebuilds) {
    }
}
