package dev.filament.postgres.identity;

import static dev.filament.postgres.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.filament.application.shared.RequestBudget;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.identity.port.out.SessionRepository;
import dev.filament.application.identity.port.out.SessionRepositoryContract;
import dev.filament.application.identity.port.out.UserRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.UnavailableException;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.identity.PasswordHash;
import dev.filament.domain.identity.RefreshToken;
import dev.filament.domain.identity.RefreshTokenHash;
import dev.filament.domain.identity.Session;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.Username;
import dev.filament.postgres.DataSourceFactory;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.PostgresSettings;
import dev.filament.postgres.testing.LockWaits;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.TestDatabase;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class JooqSessionRepositoryTest extends SessionRepositoryContract {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TestIds ids = new TestIds();
    private final TestDatabase db;
    private final DataSource dataSource;
    private final JooqUnitOfWork unitOfWork;

    JooqSessionRepositoryTest(TestDatabase db) {
        this.db = db;
        this.dataSource = db.dataSource();
        this.unitOfWork = JooqUnitOfWork.create(dataSource, db.defaultSettings(), new RequestBudget());
    }

    @Override
    protected SessionRepository createRepository() {
        return new JooqSessionRepository(unitOfWork);
    }

    @Override
    protected UserRepository userRepository() {
        return new JooqUserRepository(unitOfWork);
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Test
    void ofTwoConcurrentRotationsExpectingTheSameHash_exactlyOneChangesTheRow() throws Exception {
        JooqSessionRepository sessions = new JooqSessionRepository(unitOfWork);
        Session session = storedSession();
        RefreshTokenHash firstNext = randomHash(session.id());
        RefreshTokenHash secondNext = randomHash(session.id());
        AtomicInteger secondPid = new AtomicInteger();
        try (Concurrently run = new Concurrently()) {
            Future<Boolean> first = run.start(() -> unitOfWork.inTransaction(() -> {
                boolean rotated = sessions.rotate(session.id(), session.refreshHash(), firstNext, T0.plusSeconds(60));
                run.holdOpen();
                return rotated;
            }));
            run.awaitFirstHolding();
            Future<Boolean> second = run.start(() -> unitOfWork.inTransaction(() -> {
                secondPid.set(LockWaits.backendPid(unitOfWork.dsl()));
                return sessions.rotate(session.id(), session.refreshHash(), secondNext, T0.plusSeconds(120));
            }));
            // the second UPDATE waits for the first's row lock, then re-checks the hash against the committed row
            LockWaits.awaitBlockedOnLock(dataSource, secondPid);
            run.releaseFirst();

            assertThat(Concurrently.result(first)).isTrue();
            assertThat(Concurrently.result(second)).isFalse();
        }
        Session stored = unitOfWork.inTransaction(() -> sessions.lockById(session.id())).orElseThrow();
        assertThat(stored.refreshHash()).isEqualTo(firstNext);
        assertThat(stored.expiresAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void givenTheRowLockedElsewhere_lockByIdWaitsThenFailsAsLockTimeout() throws Exception {
        Session session = storedSession();
        PostgresSettings shortLocks = db.settings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(200));
        try (HikariDataSource pool = DataSourceFactory.create(shortLocks, c -> c.setMaximumPoolSize(1));
             Connection holder = dataSource.getConnection()) {
            JooqUnitOfWork impatient = JooqUnitOfWork.create(pool, shortLocks, new RequestBudget());
            JooqSessionRepository sessions = new JooqSessionRepository(impatient);
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "select 1 from sessions where session_id = ? for update")) {
                lock.setString(1, session.id().value());
                lock.executeQuery().close();
            }

            long start = System.nanoTime();
            assertThatThrownBy(() -> impatient.inTransaction(() -> sessions.lockById(session.id())))
                    .isInstanceOfSatisfying(UnavailableException.class,
                            e -> assertThat(e.kind()).isEqualTo("lock_timeout"));
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(waitedMs).as("waited for the lock before giving up").isBetween(150L, 2_000L);

            holder.rollback();
            assertThat(impatient.inTransaction(() -> sessions.lockById(session.id()))).contains(session);
        }
    }

    @Test
    void findLiveSeesARenameOfTheOwner() {
        JooqSessionRepository sessions = new JooqSessionRepository(unitOfWork);
        Session session = storedSession();
        Username renamed = new Username(TestIds.uniqueUsername());
        unitOfWork.run(() -> unitOfWork.dsl().update(USERS)
                .set(USERS.USERNAME, renamed.value())
                .where(USERS.USER_ID.eq(session.userId().value()))
                .execute());

        assertThat(unitOfWork.inTransaction(() -> sessions.findLive(session.id(), session.userId(), T0)))
                .contains(renamed);
    }

    private Session storedSession() {
        User owner = User.register(ids.newUserId(), new Username(TestIds.uniqueUsername()),
                new PasswordHash("$argon2id$v=19$pg"), T0);
        SessionId sid = ids.newSessionId();
        Session session = Session.start(sid, owner.id(), randomHash(sid), T0);
        JooqUserRepository users = new JooqUserRepository(unitOfWork);
        JooqSessionRepository sessions = new JooqSessionRepository(unitOfWork);
        unitOfWork.run(() -> {
            users.insertIfAbsent(owner);
            sessions.create(session);
        });
        return session;
    }

    private static RefreshTokenHash randomHash(SessionId sid) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return RefreshToken.issue(sid, secret).hash();
    }
}
