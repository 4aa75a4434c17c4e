package dev.filament.application.search.port.out;

import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.StoredMessage;
import java.util.Collection;
import java.util.List;

/**
 * Out-port: the messages a search matched, read by id. The message table implements it (the message feature's
 * repository extends this port), so search needs nothing of the message feature. Called inside the search's read
 * transaction; blocks for at most the statement bound.
 */
public interface IndexedMessages {

    /**
     * The guild's messages among {@code ids} in one query, in no particular order, each with its reactions as seen
     * by {@code viewer}; ids of missing messages or of another guild's messages are skipped.
     */
    List<StoredMessage> findAll(GuildId guild, Collection<MessageId> ids, UserId viewer);
}
