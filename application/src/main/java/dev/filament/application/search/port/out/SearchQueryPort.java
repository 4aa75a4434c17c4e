package dev.filament.application.search.port.out;

import dev.filament.domain.id.MessageId;
import java.util.List;

/**
 * Out-port: the read side of search (SPEC 10.1). Joins the transaction open on the calling thread when there is one.
 * Blocks for at most the statement bound; a statement or lock timeout, an exhausted pool or a lost connection
 * surfaces as {@link dev.filament.domain.error.UnavailableException} (503), whether or not a transaction is open.
 */
public interface SearchQueryPort {

    /**
     * Ids of the guild's existing messages whose indexed text matches every lexeme, restricted to the readable
     * channels (and the one channel when given), ordered by rank descending then message id descending, at most
     * {@code limit}. An empty query or an empty readable set finds nothing without asking the store.
     */
    List<MessageId> find(SearchCriteria criteria);
}
