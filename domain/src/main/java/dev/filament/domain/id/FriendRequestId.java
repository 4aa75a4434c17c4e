package dev.filament.domain.id;

/** Identifier of a pending friend request (ULID, upper case). */
public record FriendRequestId(String value) implements Comparable<FriendRequestId> {
    public FriendRequestId {
        value = Ulid.require(value, "friendRequestId");
    }

    @Override
    public int compareTo(FriendRequestId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
