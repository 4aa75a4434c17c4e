package dev.filament.application.friend.port.in;

import dev.filament.domain.id.FriendRequestId;
import dev.filament.domain.id.UserId;
import java.util.Objects;

/** Use case: decline (recipient) or cancel (sender) a request (SPEC 4.6 {@code DELETE /friends/requests/{id}}). */
public interface DeleteFriendRequestUseCase {

    /**
     * Deletes the request and publishes {@code friend_request_delete} to both parties.
     *
     * @throws dev.filament.domain.error.NotFoundException 404: no such request, or the caller is neither party
     */
    void delete(DeleteFriendRequestCommand command);

    record DeleteFriendRequestCommand(UserId caller, FriendRequestId request) {
        public DeleteFriendRequestCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(request, "request");
        }
    }
}
