package dev.filament.application.friend.service;

import dev.filament.application.friend.port.in.RemoveFriendUseCase;
import dev.filament.application.friend.port.out.FriendRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.wire.UserEvent;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.id.UserId;
import java.time.Instant;

/** Implements {@link RemoveFriendUseCase}: one delete of the pair; events only when a row went. */
public final class RemoveFriendService implements RemoveFriendUseCase {
    private final FriendRepository friends;
    private final UnitOfWork unitOfWork;
    private final FriendEvents events;

    public RemoveFriendService(FriendRepository friends, UnitOfWork unitOfWork, FriendEvents events) {
        this.friends = friends;
        this.unitOfWork = unitOfWork;
        this.events = events;
    }

    @Override
    public void remove(RemoveFriendCommand command) {
        UserId caller = command.caller();
        UserId other = command.friend();
        if (caller.equals(other)) {
            throw new InvalidRequestException("cannot unfriend oneself");
        }
        Instant now = events.now();
        if (!unitOfWork.inTransaction(() -> friends.deleteFriendship(caller, other))) {
            return;
        }
        long at = now.getEpochSecond();
        events.to(new UserEvent.FriendRemove(caller.value(), other.value(), at, caller.value()), caller);
        events.to(new UserEvent.FriendRemove(other.value(), caller.value(), at, caller.value()), other);
    }
}
