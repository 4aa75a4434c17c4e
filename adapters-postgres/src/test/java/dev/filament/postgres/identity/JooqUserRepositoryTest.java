package dev.filament.postgres.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.RequestBudget;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.identity.port.out.UserRepository;
import dev.filament.application.identity.port.out.UserRepository.InsertOutcome;
import dev.filament.application.identity.port.out.UserRepository.ProfileWrite;
import dev.filament.application.identity.port.out.UserRepositoryContract;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.identity.AboutMarkdown;
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

    @Test
    void givenAnUncommittedRenameToAName_aConcurrentRenameOfAnotherUserToItWaitsAndThenReportsTaken()
            throws Exception {
        JooqUserRepository users = new JooqUserRepository(unitOfWork);
        User a = user(TestIds.uniqueUsername());
        User b = user(TestIds.uniqueUsername());
        unitOfWork.inTransaction(() -> users.insertIfAbsent(a));
        unitOfWork.inTransaction(() -> users.insertIfAbsent(b));
        String wanted = TestIds.uniqueUsername();
        AtomicInteger secondPid = new AtomicInteger();
        try (Concurrently run = new Concurrently()) {
            Future<ProfileWrite> first = run.start(() -> unitOfWork.inTransaction(() -> {
                ProfileWrite outcome = users.updateProfile(a.id(), new Username(wanted), AboutMarkdown.EMPTY);
                run.holdOpen();
                return outcome;
            }));
            run.awaitFirstHolding();
            Future<ProfileWrite> second = run.start(() -> {
                try {
                    return unitOfWork.inTransaction(() -> {
                        secondPid.set(LockWaits.backendPid(unitOfWork.dsl()));
                        ProfileWrite outcome = users.updateProfile(b.id(),
                                new Username(wanted.toUpperCase(Locale.ROOT)), new AboutMarkdown("lost"));
                        if (outcome == ProfileWrite.USERNAME_TAKEN) {
                            throw new IllegalStateException("taken");
                        }
                        return outcome;
                    });
                } catch (IllegalStateException e) {
                    return ProfileWrite.USERNAME_TAKEN;
                }
            });
            LockWaits.awaitBlockedOnLock(dataSource, secondPid);
            run.releaseFirst();

            assertThat(Concurrently.result(first)).isEqualTo(ProfileWrite.UPDATED);
            assertThat(Concurrently.result(second)).isEqualTo(ProfileWrite.USERNAME_TAKEN);
        }
        assertThat(unitOfWork.inTransaction(() -> users.findProfile(b.id()))).map(p -> p.username())
                .contains(b.username());
        assertThat(unitOfWork.inTransaction(() -> users.findByUsernameCanonical(new Username(wanted))))
                .map(User::id).contains(a.id());
    }

    private User user(String name) {
        return User.register(ids.newUserId(), new Username(name), new PasswordHash("$argon2id$v=19$pg"), T0);
    }
}
