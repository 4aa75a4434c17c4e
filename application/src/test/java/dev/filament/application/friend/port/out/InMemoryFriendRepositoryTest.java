package dev.filament.application.friend.port.out;

import dev.filament.application.friend.fakes.InMemoryFriendRepository;
import dev.filament.application.identity.fakes.InMemoryUserRepository;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.PasswordHash;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.Username;

class InMemoryFriendRepositoryTest extends FriendRepositoryContract {
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryFriendRepository friends = new InMemoryFriendRepository(users);
    private final UnitOfWork unitOfWork = new InMemoryUnitOfWork().enlist(users).enlist(friends);
    private final TestIds ids = new TestIds();

    @Override
    protected FriendRepository createRepository() {
        return friends;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    protected UserId newUser(String name) {
        User user = User.register(ids.newUserId(), new Username(name), new PasswordHash("$argon2id$x"), T0);
        users.insertIfAbsent(user);
        return user.id();
    }
}
