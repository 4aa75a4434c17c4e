package dev.filament.application.friend.service;

import dev.filament.application.friend.port.in.DeleteFriendRequestUseCase;
import dev.filament.application.friend.port.out.FriendRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.wire.UserEvent;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.friend.FriendRequest;
import java.time.Instant;

/** Implements {@link DeleteFriendRequestUseCase} under the request's row lock. */
public final class DeleteFriendRequestService implements DeleteFriendRequestUseCase {
    private final FriendRepository friends;
    private final UnitOfWork unitOfWork;
    private final FriendEvents events;

    public DeleteFriendRequestService(FriendRepository friends, UnitOfWork unitOfWork, FriendEvents events) {
        this.friends = friends;
        this.unitOfWork = unitOfWork;
        this.events = events;
    }

    @Override
    public void delete(DeleteFriendRequestCommand command) {
        Instant now = events.now();
        FriendRequest request = unitOfWork.inTransaction(() -> {
            FriendRequest r = friends.lockRequest(command.request()).filter(x -> x.involves(command.caller()))
                    .orElseThrow(() -> new NotFoundException("friend request"));
            friends.deleteRequest(r.id());
            return r;
        });
        events.toBoth(new UserEvent.FriendRequestDelete(request.id().value(), now.getEpochSecond(),
                command.caller().value()), request.sender(), request.recipient());
    }
}
