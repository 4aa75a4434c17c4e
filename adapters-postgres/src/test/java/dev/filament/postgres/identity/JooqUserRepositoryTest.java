package dev.filament.postgres.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.RequestBudget;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.identity.port.out.UserRepository;
import dev.filament.application.identity.port.out.UserRepository.InsertOutcome;
import dev.filament.application.identity.port.out.UserRepositoryContract;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.identity.PasswordHash;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.Username;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.testing.LockWaits;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class JooqUserRepositoryTest extends UserRepositoryContract {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    private final TestIds ids = new TestIds();
    private final DataSource dataSource;
    private final JooqUnitOfWork unitOfWork;

    JooqUserRepositoryTest(TestDatabase db) {
        dataSource = db.dataSource();
        unitOfWork = JooqUnitOfWork.create(db.dataSource(), db.defaultSettings(), new RequestBudget());
    }

    @Override
    protected UserRepository createRepository() {
        return new JooqUserRepository(unitOfWork);
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Test
    void givenAnUncommittedInsertOfAName_aConcurrentInsertInAnotherCaseWaitsAndThenReportsExists() throws Exception {
        JooqUserRepository users = new JooqUserRepository(unitOfWork);
        String name = TestIds.uniqueUsername();
        User first = user(name);
        User second = user(name.toLowerCase(Locale.ROOT));
        AtomicInteger secondPid = new AtomicInteger();
        try (Concurrently run = new Concurrently()) {
            Future<InsertOutcome> a = run.start(() -> unitOfWork.inTransaction(() -> {
                InsertOutcome outcome = users.insertIfAbsent(first);
                run.holdOpen();
                return outcome;
            }));
            run.awaitFirstHolding();
            Future<InsertOutcome> b = run.start(() -> unitOfWork.inTransaction(() -> {
                secondPid.set(LockWaits.backendPid(unitOfWork.dsl()));
                return users.insertIfAbsent(second);
            }));
            LockWaits.awaitBlockedOnLock(dataSource, secondPid);
            run.releaseFirst();

            assertThat(Concurrently.result(a)).isEqualTo(InsertOutcome.CREATED);
            assertThat(Concurrently.result(b)).isEqualTo(InsertOutcome.EXISTS);
        }
        assertThat(unitOfWork.inTransaction(() -> users.findById(second.id()))).isEmpty();
        assertThat(unitOfWork.inTransaction(() -> users.findByUsernameCanonical(second.username()))).contains(first);
    }

    private User user(String name) {
        return User.register(ids.newUserId(), new Username(name), new PasswordHash("$argon2id$v=19$pg"), T0);
    }
}
