package dev.filament.application.friend.service;

import dev.filament.application.friend.port.in.ListFriendRequestsUseCase;
import dev.filament.application.friend.port.out.FriendRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.id.UserId;

/** Implements {@link ListFriendRequestsUseCase}: both lists read in one transaction (caps of 100 bound them). */
public final class ListFriendRequestsService implements ListFriendRequestsUseCase {
    private final FriendRepository friends;
    private final UnitOfWork unitOfWork;

    public ListFriendRequestsService(FriendRepository friends, UnitOfWork unitOfWork) {
        this.friends = friends;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public FriendRequests list(UserId caller) {
        return unitOfWork.inTransaction(() -> new FriendRequests(friends.incoming(caller), friends.outgoing(caller)));
    }
}
