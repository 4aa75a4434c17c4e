package dev.filament.application.friend.service;

import dev.filament.application.friend.port.in.AcceptFriendRequestUseCase;
import dev.filament.application.friend.port.out.FriendRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.wire.UserEvent;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.friend.FriendCaps;
import dev.filament.domain.friend.FriendRequest;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.Username;
import java.time.Instant;
import java.util.Map;

/**
 * Implements {@link AcceptFriendRequestUseCase}: the request row lock first (so a concurrent accept or delete of the
 * same request waits and then finds nothing: 404), then both users' rows in ascending order for the friend cap.
 */
public final class AcceptFriendRequestService implements AcceptFriendRequestUseCase {
    private final FriendRepository friends;
    private final UnitOfWork unitOfWork;
    private final FriendEvents events;

    public AcceptFriendRequestService(FriendRepository friends, UnitOfWork unitOfWork, FriendEvents events) {
        this.friends = friends;
        this.unitOfWork = unitOfWork;
        this.events = events;
    }

    @Override
    public void accept(AcceptFriendRequestCommand command) {
        Instant now = events.now();
        Accepted accepted = unitOfWork.inTransaction(() -> {
            FriendRequest request = friends.lockRequest(command.request())
                    .filter(r -> r.recipient().equals(command.caller()))
                    .orElseThrow(() -> new NotFoundException("friend request"));
            Map<UserId, Username> names = friends.lockUsers(request.sender(), request.recipient());
            boolean already = friends.areFriends(request.sender(), request.recipient());
            if (!already && !FriendCaps.friendshipFits(friends.countFriends(request.sender()),
                    friends.countFriends(request.recipient()))) {
                throw ConflictException.quotaExceeded("friend");
            }
            Instant began = friends.insertFriendship(request.sender(), request.recipient(), now);
            friends.deleteRequest(request.id());
            return new Accepted(request, names, began);
        });
        FriendRequest r = accepted.request();
        view(accepted, r.recipient(), r.sender(), now, command.caller());
        view(accepted, r.sender(), r.recipient(), now, command.caller());
    }

    // SPEC 4.6: to each party its own view; friendship_created_at_unix = updated_at_unix.
    private void view(Accepted accepted, UserId self, UserId friend, Instant now, UserId actor) {
        events.to(new UserEvent.FriendRequestUpdate(accepted.request().id().value(), UserEvent.FriendRequestUpdate.ACCEPTED,
                self.value(), friend.value(), accepted.names().get(friend).value(), now.getEpochSecond(),
                now.getEpochSecond(), actor.value()), self);
    }

    private record Accepted(FriendRequest request, Map<UserId, Username> names, Instant began) {
    }
}
