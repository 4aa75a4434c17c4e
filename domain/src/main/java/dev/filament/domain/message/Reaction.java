package dev.filament.domain.message;

import dev.filament.domain.id.UserId;
import java.util.List;
import java.util.Objects;

/**
 * Value: one emoji's reactions on a message as seen by one caller (SPEC 8.2 {@code Reaction}): how many users reacted,
 * whether the caller is one of them, and the lowest {@value #MAX_REACTOR_IDS} reactor ids in ascending order.
 */
public record Reaction(Emoji emoji, int count, boolean reactedByMe, List<UserId> reactorIds) {
    public static final int MAX_REACTOR_IDS = 32;
    /** Distinct emojis a message may carry (SPEC 8.6). */
    public static final int MAX_EMOJIS_PER_MESSAGE = 64;

    public Reaction {
        Objects.requireNonNull(emoji, "emoji");
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        reactorIds = List.copyOf(reactorIds);
        if (reactorIds.size() > MAX_REACTOR_IDS || reactorIds.size() > count) {
            throw new IllegalArgumentException("at most min(count, 32) reactor ids");
        }
    }
}
