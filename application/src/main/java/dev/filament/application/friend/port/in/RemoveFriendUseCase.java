package dev.filament.application.friend.port.in;

import dev.filament.domain.id.UserId;
import java.util.Objects;

/** Use case: end a friendship (SPEC 4.6 {@code DELETE /friends/{u}}); idempotent. */
public interface RemoveFriendUseCase {

    /**
     * Deletes the pair; when a row was deleted, publishes {@code friend_remove} to each party with its own view.
     *
     * @throws dev.filament.domain.error.InvalidRequestException 400: {@code friend} is the caller
     */
    void remove(RemoveFriendCommand command);

    record RemoveFriendCommand(UserId caller, UserId friend) {
        public RemoveFriendCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(friend, "friend");
        }
    }
}
