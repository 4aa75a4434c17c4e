package dev.filament.application.message.port.out;

import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Emoji;
import dev.filament.domain.message.Reaction;
import java.time.Instant;

/**
 * Out-port: the reactions of messages (table {@code message_reactions}, SPEC 8.6, 12.1 V5). Every method joins the
 * transaction open on the calling thread and must be called inside one, while the caller holds the message's row
 * lock ({@link MessageRepository#lock}): the lock orders the writes on one message, which is what makes the
 * 64-emoji cap and the reported count exact under concurrency. Blocks for at most the statement and lock bounds.
 */
public interface ReactionRepository {

    /** What {@link #add} did. */
    enum Added {
        /** A row was inserted. */
        INSERTED,
        /** The user already had this reaction: nothing written (idempotent). */
        ALREADY_PRESENT,
        /** The emoji is new on the message and it already carries 64 distinct emojis: nothing written. */
        EMOJI_CAP_REACHED
    }

    /** Adds {@code user}'s reaction unless present or the emoji would be the 65th distinct one. */
    Added add(MessageId message, Emoji emoji, UserId user, Instant at);

    /** Deletes {@code user}'s reaction; returns whether a row was deleted. */
    boolean remove(MessageId message, Emoji emoji, UserId user);

    /** The emoji's reactions on the message as seen by {@code viewer} (count 0 and no ids when nobody reacts). */
    Reaction read(MessageId message, Emoji emoji, UserId viewer);
}
