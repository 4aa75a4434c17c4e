package dev.filament.domain.message;

import java.util.List;
import java.util.Objects;

/**
 * A message as read for one caller: the row with its reactions ({@code reacted_by_me} computed for that caller,
 * ordered by emoji in code point order, SPEC 8.2). Read with the row in one statement, never one query per message.
 */
public record StoredMessage(Message message, List<Reaction> reactions) {
    public StoredMessage {
        Objects.requireNonNull(message, "message");
        reactions = List.copyOf(reactions);
    }

    /** A message without reactions (a new one). */
    public static StoredMessage bare(Message message) {
        return new StoredMessage(message, List.of());
    }
}
