package dev.filament.application.friend.service;

import dev.filament.application.friend.fakes.InMemoryFriendRepository;
import dev.filament.application.identity.fakes.InMemoryUserRepository;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.message.service.RecordingPayloadSerializer;
import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.application.shared.fakes.MutableClock;
import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.PasswordHash;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.Username;
import java.time.Instant;

/** The friend use cases over in-memory fakes and a pinned clock, wired as bootstrap wires the real ones. */
final class FriendFixture {
    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    final TestIds ids = new TestIds();
    final InMemoryUserRepository users = new InMemoryUserRepository();
    final InMemoryFriendRepository friends = new InMemoryFriendRepository(users);
    final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork().enlist(users).enlist(friends);
    final RecordingGatewayEventPublisher gateway = new RecordingGatewayEventPublisher();
    final RecordingPayloadSerializer payloads = new RecordingPayloadSerializer();
    final FriendEvents events = new FriendEvents(gateway, payloads, clock);
    final SendFriendRequestService send = new SendFriendRequestService(friends, unitOfWork, ids, events);
    final AcceptFriendRequestService accept = new AcceptFriendRequestService(friends, unitOfWork, events);
    final DeleteFriendRequestService delete = new DeleteFriendRequestService(friends, unitOfWork, events);
    final RemoveFriendService remove = new RemoveFriendService(friends, unitOfWork, events);
    final ListFriendsService list = new ListFriendsService(friends, unitOfWork);
    final ListFriendRequestsService requests = new ListFriendRequestsService(friends, unitOfWork);

    UserId user(String name) {
        User user = User.register(ids.newUserId(), new Username(name), new PasswordHash("$argon2id$x"),
                clock.instant());
        users.insertIfAbsent(user);
        return user.id();
    }
}
