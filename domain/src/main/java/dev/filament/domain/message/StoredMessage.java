package dev.filament.domain.message;

import java.util.List;
import java.util.Objects;

/**
 * A message as read for one caller: the row with its bound attachments (by id ascending, at most 5) and its reactions
 * ({@code reacted_by_me} computed for that caller, by emoji in code point order, SPEC 8.2). Read with the row in one
 * statement, never one query per message.
 */
public record StoredMessage(Message message, List<Attachment> attachments, List<Reaction> reactions) {
    public StoredMessage {
        Objects.requireNonNull(message, "message");
        attachments = List.copyOf(attachments);
        reactions = List.copyOf(reactions);
    }

    /** A message without attachments or reactions. */
    public static StoredMessage bare(Message message) {
        return new StoredMessage(message, List.of(), List.of());
    }
}
