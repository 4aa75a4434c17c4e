package dev.filament.application.friend.port.in;

import dev.filament.domain.friend.FriendRequest;
import dev.filament.domain.id.UserId;
import java.util.Objects;

/** Use case: send a friend request (SPEC 4.6 {@code POST /friends/requests}); not idempotent. */
public interface SendFriendRequestUseCase {

    /**
     * Stores the request under both users' row locks and publishes {@code friend_request_create} to both parties.
     *
     * @throws dev.filament.domain.error.InvalidRequestException 400: recipient not a ULID, the caller, unknown,
     *         already a friend, or a pending request between the two in either direction
     * @throws dev.filament.domain.error.ConflictException 409 {@code quota_exceeded}: a cap of SPEC 4.6
     */
    FriendRequest send(SendFriendRequestCommand command);

    /** {@code recipientUserId} as received: its syntax is checked by the use case (400). */
    record SendFriendRequestCommand(UserId caller, String recipientUserId) {
        public SendFriendRequestCommand {
            Objects.requireNonNull(caller, "caller");
        }
    }
}
