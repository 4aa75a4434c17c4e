package dev.filament.postgres.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.guild.port.SimpleJsonSerializer;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.identity.port.in.AuthenticatedUser;
import dev.filament.application.identity.port.in.UpdateProfileUseCase.UpdateProfileCommand;
import dev.filament.application.identity.service.UpdateProfileService;
import dev.filament.application.markdown.port.out.ParagraphTokenizer;
import dev.filament.application.shared.RequestBudget;
import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.identity.PasswordHash;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.Username;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SPEC 4.5: two users renaming to one name (in different case) at the same moment: one 200, one 409, every time. */
@ExtendWith(PostgresExtension.class)
class RenameRaceTest {
    private final TestIds ids = new TestIds();
    private final JooqUnitOfWork unitOfWork;
    private final JooqUserRepository users;
    private final UpdateProfileService update;

    RenameRaceTest(TestDatabase db) {
        unitOfWork = JooqUnitOfWork.create(db.dataSource(), db.defaultSettings(), new RequestBudget());
        users = new JooqUserRepository(unitOfWork);
        update = new UpdateProfileService(users, unitOfWork, new RecordingGatewayEventPublisher(),
                new SimpleJsonSerializer(), new ParagraphTokenizer(), Clock.systemUTC());
    }

    private AuthenticatedUser newUser() {
        User user = User.register(ids.newUserId(), new Username(TestIds.uniqueUsername()),
                new PasswordHash("$argon2id$race"), Instant.now());
        unitOfWork.inTransaction(() -> users.insertIfAbsent(user));
        return new AuthenticatedUser(user.id(), new SessionId(ids.next()), user.username());
    }

    @Test
    void concurrentRenamesToOneNameGiveExactlyOneConflict() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 15; round++) {
                String wanted = TestIds.uniqueUsername();
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Boolean>> sides = new ArrayList<>();
                for (String spelling : List.of(wanted, wanted.toUpperCase(Locale.ROOT))) {
                    AuthenticatedUser caller = newUser();
                    sides.add(threads.submit(() -> {
                        start.await(5, TimeUnit.SECONDS);
                        try {
                            update.update(new UpdateProfileCommand(caller, Optional.of(spelling), Optional.empty()));
                            return true;
                        } catch (ConflictException e) {
                            assertThat(e.code()).isEqualTo("conflict");
                            return false;
                        }
                    }));
                }
                int renamed = 0;
                for (Future<Boolean> side : sides) {
                    renamed += side.get(10, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(renamed).as("round %d", round).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
