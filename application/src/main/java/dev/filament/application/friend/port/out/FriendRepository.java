package dev.filament.application.friend.port.out;

import dev.filament.domain.friend.FriendRequest;
import dev.filament.domain.id.FriendRequestId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.Username;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Out-port: friendships (unordered pairs, stored once) and pending friend requests (SPEC 4.6, tables
 * {@code friendships} and {@code friendship_requests}). Every method runs inside the caller's
 * {@link dev.filament.application.shared.port.out.UnitOfWork} transaction and blocks only within the database bounds.
 * Caps are checked by the caller while it holds the users' row locks ({@link #lockUsers}), so concurrent requests
 * cannot exceed them; the pair key of each table is the backstop against duplicates.
 */
public interface FriendRepository {

    /**
     * Locks ({@code FOR UPDATE}) the rows of those of {@code a} and {@code b} that exist, in ascending id order (so two
     * requests locking the same pair cannot deadlock), and returns their current usernames.
     */
    Map<UserId, Username> lockUsers(UserId a, UserId b);

    boolean areFriends(UserId a, UserId b);

    /** Whether a pending request exists between the two users, in either direction. */
    boolean pendingBetween(UserId a, UserId b);

    int countFriends(UserId user);

    int countOutgoing(UserId user);

    int countIncoming(UserId user);

    /** Inserts the request; false (nothing written) when the pair already has a pending one, in either direction. */
    boolean insertRequest(FriendRequest request);

    /** The request, holding its row lock until the transaction ends. */
    Optional<FriendRequest> lockRequest(FriendRequestId id);

    void deleteRequest(FriendRequestId id);

    /** Stores the friendship unless the pair is already friends; returns when the (existing or new) one began. */
    Instant insertFriendship(UserId a, UserId b, Instant createdAt);

    /** Deletes the pair's friendship; false when there was none. */
    boolean deleteFriendship(UserId a, UserId b);

    /** All friends of {@code user}, ordered {@code created_at} DESC, {@code user_id} ASC, with current names. */
    List<Friend> friendsOf(UserId user);

    /** Pending requests to {@code user}, ordered {@code created_at} DESC, {@code request_id} DESC. */
    List<RequestView> incoming(UserId user);

    /** Pending requests from {@code user}, ordered {@code created_at} DESC, {@code request_id} DESC. */
    List<RequestView> outgoing(UserId user);

    /** A friend as listed (SPEC 4.6 {@code Friend}). */
    record Friend(UserId userId, Username username, Instant createdAt) {
        public Friend {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /** A pending request with both parties' current names (SPEC 4.6 {@code FriendRequest}). */
    record RequestView(FriendRequest request, Username senderName, Username recipientName) {
        public RequestView {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(senderName, "senderName");
            Objects.requireNonNull(recipientName, "recipientName");
        }
    }
}
