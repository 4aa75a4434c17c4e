package dev.filament.application.friend.port.in;

import dev.filament.domain.id.FriendRequestId;
import dev.filament.domain.id.UserId;
import java.util.Objects;

/** Use case: the recipient accepts a request (SPEC 4.6 {@code POST /friends/requests/{id}/accept}). */
public interface AcceptFriendRequestUseCase {

    /**
     * Turns the request into a friendship (an existing one stays) and publishes {@code friend_request_update} to each
     * party with its own view.
     *
     * @throws dev.filament.domain.error.NotFoundException 404: no such request, or the caller is not its recipient
     * @throws dev.filament.domain.error.ConflictException 409 {@code quota_exceeded}: either user at 500 friends
     */
    void accept(AcceptFriendRequestCommand command);

    record AcceptFriendRequestCommand(UserId caller, FriendRequestId request) {
        public AcceptFriendRequestCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(request, "request");
        }
    }
}
