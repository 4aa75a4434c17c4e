package dev.filament.application.message.port.out;

import dev.filament.application.search.port.out.IndexedMessages;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageContent;
import dev.filament.domain.message.StoredMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: the messages of channels (table {@code messages}, SPEC 8, 12). Every method joins the transaction open on
 * the calling thread ({@code UnitOfWork.inTransaction}) and must be called inside one, so a message commits or rolls
 * back with its search outbox row and audit row (SPEC 1.11 W1). Blocks the calling thread for at most the statement
 * and lock bounds; a dependency that does not answer in time surfaces as
 * {@link dev.filament.domain.error.UnavailableException} through the unit of work. Search reads the matched
 * messages through the {@link IndexedMessages} part.
 */
public interface MessageRepository extends IndexedMessages {

    /** Writes a new message row exactly as given (its id is new). */
    void insert(Message message);

    /** The message when it exists in {@code channel}; a message of another channel is absent. */
    Optional<Message> find(ChannelId channel, MessageId message);

    /**
     * As {@link #find}, holding the row lock ({@code SELECT ... FOR UPDATE}) until the transaction ends, so concurrent
     * edits and deletes of the same message run one after the other and an indexer cannot read a half-changed row.
     */
    Optional<Message> lock(ChannelId channel, MessageId message);

    /**
     * One page of the channel's messages ordered {@code message_id DESC} (newest first): those strictly older than
     * {@code before} when given (exclusive cursor, SPEC 1.9), at most {@code limit}; each with its reactions as seen
     * by {@code viewer} and its bound attachments, all read in one statement (SPEC 8.1: never a query per message).
     */
    List<StoredMessage> page(ChannelId channel, Optional<MessageId> before, int limit, UserId viewer);

    /**
     * Sets the content and {@code edited_at}, and increments the revision by one in the store (never a lost increment
     * under concurrency). Returns the row as stored afterwards with its reactions as seen by {@code viewer}, in the
     * same statement; empty when no such message is in {@code channel}.
     */
    Optional<StoredMessage> edit(ChannelId channel, MessageId message, MessageContent content, Instant editedAt,
                                 UserId viewer);

    /**
     * Deletes the message row when it is in {@code channel}, with its attachment rows (their blob keys enter the
     * collector, SPEC 8.1) and its reactions, in one statement; returns whether the message row was deleted.
     */
    boolean delete(ChannelId channel, MessageId message);
}
