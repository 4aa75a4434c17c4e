package dev.filament.postgres.friend;

import dev.filament.application.gateway.port.out.ObserverDirectory;
import dev.filament.application.gateway.port.out.ObserverDirectoryContract;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.shared.RequestBudget;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class JooqObserverDirectoryTest extends ObserverDirectoryContract {
    private final JooqUnitOfWork unitOfWork;
    private final JooqFriendRepository friends;

    JooqObserverDirectoryTest(TestDatabase db) {
        unitOfWork = JooqUnitOfWork.create(db.dataSource(), db.defaultSettings(), new RequestBudget());
        friends = new JooqFriendRepository(unitOfWork);
    }

    @Override
    protected ObserverDirectory createDirectory() {
        return new JooqObserverDirectory(unitOfWork);
    }

    @Override
    protected UserId newUser() {
        return unitOfWork.inTransaction(() -> PeopleRows.user(unitOfWork.dsl(), TestIds.uniqueUsername()));
    }

    @Override
    protected void befriend(UserId a, UserId b) {
        unitOfWork.inTransaction(() -> friends.insertFriendship(a, b, Instant.now()));
    }

    @Override
    protected void guildOf(UserId... members) {
        unitOfWork.run(() -> PeopleRows.guildOf(unitOfWork.dsl(), members));
    }
}
