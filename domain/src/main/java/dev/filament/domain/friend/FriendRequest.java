package dev.filament.domain.friend;

import dev.filament.domain.id.FriendRequestId;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.util.Objects;

/** A pending, directed friend request (SPEC 4.6); accepting or deleting removes it. */
public record FriendRequest(FriendRequestId id, UserId sender, UserId recipient, Instant createdAt) {
    public FriendRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(createdAt, "createdAt");
        if (sender.equals(recipient)) {
            throw new IllegalArgumentException("a friend request needs two different users");
        }
    }

    /** Whether {@code user} is the sender or the recipient. */
    public boolean involves(UserId user) {
        return sender.equals(user) || recipient.equals(user);
    }

    /** The other party, seen from {@code user} (one of the two). */
    public UserId other(UserId user) {
        return sender.equals(user) ? recipient : sender;
    }
}
