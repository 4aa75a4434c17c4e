package dev.filament.application.gateway.port.out;

import dev.filament.application.friend.fakes.InMemoryFriendRepository;
import dev.filament.application.gateway.fakes.InMemoryObserverDirectory;
import dev.filament.application.identity.fakes.InMemoryUserRepository;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.time.Instant;

class InMemoryObserverDirectoryTest extends ObserverDirectoryContract {
    private final TestIds ids = new TestIds();
    private final InMemoryFriendRepository friends = new InMemoryFriendRepository(new InMemoryUserRepository());
    private final InMemoryObserverDirectory directory = new InMemoryObserverDirectory(friends);

    @Override
    protected ObserverDirectory createDirectory() {
        return directory;
    }

    @Override
    protected UserId newUser() {
        return ids.newUserId();
    }

    @Override
    protected void befriend(UserId a, UserId b) {
        friends.insertFriendship(a, b, Instant.EPOCH);
    }

    @Override
    protected void guildOf(UserId... members) {
        GuildId guild = new GuildId(ids.next());
        for (UserId member : members) {
            directory.join(member, guild);
        }
    }
}
