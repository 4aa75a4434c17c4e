package dev.filament.application.friend.service;

import dev.filament.application.friend.port.in.SendFriendRequestUseCase;
import dev.filament.application.friend.port.out.FriendRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.wire.UserEvent;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.friend.FriendCaps;
import dev.filament.domain.friend.FriendRequest;
import dev.filament.domain.id.IdGenerator;
import dev.filament.domain.id.Ulid;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.Username;
import java.util.Map;

/**
 * Implements {@link SendFriendRequestUseCase}: one transaction locking both users' rows in ascending id order, so two
 * users requesting each other at once serialize and the second finds the first's request (400); the pair index of
 * {@code friendship_requests} is the backstop.
 */
public final class SendFriendRequestService implements SendFriendRequestUseCase {
    private final FriendRepository friends;
    private final UnitOfWork unitOfWork;
    private final IdGenerator ids;
    private final FriendEvents events;

    public SendFriendRequestService(FriendRepository friends, UnitOfWork unitOfWork, IdGenerator ids,
                                    FriendEvents events) {
        this.friends = friends;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.events = events;
    }

    @Override
    public FriendRequest send(SendFriendRequestCommand command) {
        UserId caller = command.caller();
        UserId recipient = Ulid.parse(command.recipientUserId()).map(UserId::new)
                .orElseThrow(() -> new InvalidRequestException("recipient_user_id is not a ULID"));
        if (recipient.equals(caller)) {
            throw new InvalidRequestException("cannot befriend oneself");
        }
        Sent sent = unitOfWork.inTransaction(() -> {
            Map<UserId, Username> names = friends.lockUsers(caller, recipient);
            if (!names.containsKey(recipient) || !names.containsKey(caller)) {
                throw new InvalidRequestException("unknown recipient");
            }
            if (friends.areFriends(caller, recipient)) {
                throw new InvalidRequestException("already friends");
            }
            if (friends.pendingBetween(caller, recipient)) {
                throw new InvalidRequestException("a friend request between these users is pending");
            }
            if (!FriendCaps.requestFits(friends.countOutgoing(caller), friends.countIncoming(recipient),
                    friends.countFriends(caller), friends.countFriends(recipient))) {
                throw ConflictException.quotaExceeded("friend");
            }
            FriendRequest request = new FriendRequest(ids.newFriendRequestId(), caller, recipient, events.now());
            if (!friends.insertRequest(request)) {
                throw new InvalidRequestException("a friend request between these users is pending");
            }
            return new Sent(request, names.get(caller), names.get(recipient));
        });
        FriendRequest r = sent.request();
        events.toBoth(new UserEvent.FriendRequestCreate(r.id().value(), caller.value(), sent.senderName().value(),
                recipient.value(), sent.recipientName().value(), r.createdAt().getEpochSecond(), caller.value()),
                caller, recipient);
        return r;
    }

    private record Sent(FriendRequest request, Username senderName, Username recipientName) {
    }
}
