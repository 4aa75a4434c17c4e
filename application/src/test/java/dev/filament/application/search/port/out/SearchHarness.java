package dev.filament.application.search.port.out;

import dev.filament.application.shared.fakes.MutableClock;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import java.util.List;
import java.util.Optional;

/**
 * What the search contract suites need from one store: the ports under test (all reading {@link #clock()}), the unit
 * of work the outbox joins, hooks that create prerequisite rows (fresh ids every time: the store may hold other
 * tests' rows) and views to inspect outcomes.
 */
public interface SearchHarness {

    MutableClock clock();

    UnitOfWork unitOfWork();

    SearchOutbox outbox();

    SearchIndexStore store();

    SearchQueryPort queries();

    /** A new guild (with its owner user where the store needs one). */
    GuildId newGuild();

    ChannelId newChannel(GuildId guild);

    /** A message row with revision 0, written without any outbox row. */
    MessageId newMessage(GuildId guild, ChannelId channel, String content);

    /** {@code count} messages with ascending ids and the same content, written in bulk. */
    List<MessageId> newMessages(GuildId guild, ChannelId channel, int count, String content);

    /** New content and revision + 1, without any outbox row. */
    void editMessage(MessageId message, String content);

    /** Deletes the message row only, leaving its document (if any) behind. */
    void removeMessage(MessageId message);

    /** The guild's outbox rows in id order. */
    List<OutboxEntry> outboxRows(GuildId guild);

    Optional<Integer> documentRevision(MessageId message);

    /** Sets {@code attempts} of all the guild's outbox rows. */
    void setAttempts(GuildId guild, int attempts);

    /** Until closed, every batch that claimed rows fails (e.g. the documents table is locked elsewhere). */
    AutoCloseable breakIndexing();
}
