package dev.filament.application.friend.service;

import dev.filament.application.friend.port.in.ListFriendsUseCase;
import dev.filament.application.friend.port.out.FriendRepository;
import dev.filament.application.friend.port.out.FriendRepository.Friend;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.id.UserId;
import java.util.List;

/** Implements {@link ListFriendsUseCase} with one read (the 500-friend cap bounds it). */
public final class ListFriendsService implements ListFriendsUseCase {
    private final FriendRepository friends;
    private final UnitOfWork unitOfWork;

    public ListFriendsService(FriendRepository friends, UnitOfWork unitOfWork) {
        this.friends = friends;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public List<Friend> list(UserId caller) {
        return unitOfWork.inTransaction(() -> friends.friendsOf(caller));
    }
}
