package dev.filament.application.search.port.out;

import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;

/**
 * Out-port: the write side of search used INSIDE the caller's transaction (SPEC 1.11 W1, 10.2, 10.3). Every method
 * joins the transaction open on the calling thread ({@code UnitOfWork.inTransaction}) and must not be called outside
 * one; what it writes commits or rolls back with the caller's own rows. Blocks the calling thread for at most the
 * statement and lock bounds; a dependency that does not answer in time surfaces as
 * {@link dev.filament.domain.error.UnavailableException} through the unit of work.
 */
public interface SearchOutbox {

    /**
     * Queues the message for (re)indexing: one {@code upsert} row, due now. Called by message create and edit after
     * writing the message row. Queuing the same message twice is harmless.
     */
    void enqueueUpsert(GuildId guild, MessageId message);

    /**
     * Removes the message's search document, so deleted text is never found (SPEC 10.2.1). Called by message delete,
     * after the message row is deleted (or locked FOR UPDATE) in the same transaction, so an indexer batch that read
     * the message cannot write its document back after the delete commits.
     */
    void deleteDocument(MessageId message);

    /**
     * Queues a rebuild of the guild's documents, unless one is already pending (SPEC 10.3).
     *
     * @return true when a rebuild row was added, false when one was already pending (idempotent)
     */
    boolean enqueueRebuild(GuildId guild);

    /**
     * Repairs the guild's index in the caller's transaction (SPEC 10.3): deletes the guild's documents whose message no
     * longer exists or is no longer in the document's guild and channel, then queues an {@code upsert} for each of the
     * guild's messages without a document of its current revision. Touches no other guild.
     */
    ReconcileResult reconcile(GuildId guild);
}
