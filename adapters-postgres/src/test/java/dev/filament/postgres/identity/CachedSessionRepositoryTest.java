package dev.filament.postgres.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.identity.port.in.AuthenticatedUser;
import dev.filament.application.identity.port.in.GetMeUseCase.GetMeQuery;
import dev.filament.application.identity.port.out.SessionRepository;
import dev.filament.application.identity.service.GetMeService;
import dev.filament.application.identity.port.out.SessionRepositoryContract;
import dev.filament.application.identity.port.out.UserRepository;
import dev.filament.application.shared.RequestBudget;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.identity.AboutMarkdown;
import dev.filament.domain.identity.PasswordHash;
import dev.filament.domain.identity.RefreshToken;
import dev.filament.domain.identity.Session;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.Username;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.RoundTrips;
import dev.filament.postgres.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The session repository with SPEC 4.2's live-session cache: the whole contract still holds, a warm lookup costs no
 * round trip, and a revocation through this process cuts the session at once, also against concurrent lookups.
 */
@ExtendWith(PostgresExtension.class)
class CachedSessionRepositoryTest extends SessionRepositoryContract {
    private final TestIds ids = new TestIds();
    private final RoundTrips trips = new RoundTrips();
    private final JooqUnitOfWork unitOfWork;

    CachedSessionRepositoryTest(TestDatabase db) {
        this.unitOfWork = JooqUnitOfWork.create(trips.wrap(db.dataSource()), db.defaultSettings(),
                new RequestBudget());
    }

    @Override
    protected SessionRepository createRepository() {
        return new JooqSessionRepository(unitOfWork, new LiveSessionCache());
    }

    @Override
    protected UserRepository userRepository() {
        return new JooqUserRepository(unitOfWork);
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    private Session stored(SessionRepository sessions) {
        User owner = User.register(ids.newUserId(), new Username(TestIds.uniqueUsername()),
                new PasswordHash("$argon2id$v=19$pg"), T0);
        SessionId sid = ids.newSessionId();
        Session session = Session.start(sid, owner.id(), RefreshToken.issue(sid, new byte[32]).hash(), T0);
        unitOfWork.run(() -> {
            userRepository().insertIfAbsent(owner);
            sessions.create(session);
        });
        return session;
    }

    private Optional<Username> live(SessionRepository sessions, Session s, Instant now) {
        return unitOfWork.read(() -> sessions.findLive(s.id(), s.userId(), now));
    }

    @Test
    void aWarmLookupCostsNoRoundTripAndAColdOneExactlyOne() {
        SessionRepository sessions = createRepository();
        Session s = stored(sessions);
        List<String> cold = trips.sentBy(() -> live(sessions, s, T0));
        List<String> warm = trips.sentBy(() -> assertThat(live(sessions, s, T0)).isPresent());
        assertThat(cold).as("cold %s", RoundTrips.brief(cold)).hasSize(1);
        assertThat(warm).isEmpty();
    }

    @Test
    void aRenameThroughTheCacheAwareUserRepositoryIsSeenByTheNextLookup() {
        LiveSessionCache cache = new LiveSessionCache();
        SessionRepository sessions = new JooqSessionRepository(unitOfWork, cache);
        Session s = stored(sessions);
        assertThat(live(sessions, s, T0)).isPresent(); // warm
        Username renamed = new Username(TestIds.uniqueUsername());
        unitOfWork.run(() -> new JooqUserRepository(unitOfWork, cache).updateProfile(s.userId(), renamed,
                AboutMarkdown.EMPTY));
        assertThat(live(sessions, s, T0)).contains(renamed);
    }

    @Test
    void getMeOnAWarmSessionIsOneStatementWithoutATransaction() {
        SessionRepository sessions = createRepository();
        Session s = stored(sessions);
        assertThat(live(sessions, s, T0)).isPresent(); // warm: the bearer check of /auth/me costs nothing more
        GetMeService me = new GetMeService(userRepository(), unitOfWork);
        List<String> sent = trips.sentBy(() -> me.getMe(new GetMeQuery(new AuthenticatedUser(s.userId(), s.id(),
                live(sessions, s, T0).orElseThrow()))));
        assertThat(sent).as("round trips %s", RoundTrips.brief(sent)).hasSize(1)
                .noneMatch(t -> t.equals("BEGIN") || t.equals("COMMIT"));
    }

    @Test
    void aCachedSessionPastItsExpiryIsNotLive() {
        SessionRepository sessions = createRepository();
        Session s = stored(sessions);
        assertThat(live(sessions, s, T0)).isPresent();
        assertThat(live(sessions, s, s.expiresAt())).isEmpty();
    }

    @Test
    void aRevocationCutsAWarmSessionBeforeItsTransactionReturns() {
        SessionRepository sessions = createRepository();
        Session s = stored(sessions);
        assertThat(live(sessions, s, T0)).isPresent();
        unitOfWork.run(() -> sessions.revoke(s.id(), T0));
        assertThat(live(sessions, s, T0)).isEmpty();
    }

    @Test
    void lookupsRacingARevocationNeverSeeTheSessionAfterTheRevocationReturned() throws Exception {
        SessionRepository sessions = createRepository();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 20; round++) {
                Session s = stored(sessions);
                AtomicBoolean revoked = new AtomicBoolean();
                List<Future<Boolean>> readers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    readers.add(pool.submit(() -> {
                        boolean sawLiveAfterRevocation = false;
                        for (int i = 0; i < 50; i++) {
                            boolean revokedBefore = revoked.get();
                            boolean isLive = live(sessions, s, T0).isPresent();
                            sawLiveAfterRevocation |= revokedBefore && isLive;
                        }
                        return sawLiveAfterRevocation;
                    }));
                }
                unitOfWork.run(() -> sessions.revoke(s.id(), T0));
                revoked.set(true);
                for (Future<Boolean> reader : readers) {
                    assertThat(reader.get(10, TimeUnit.SECONDS)).as("round %d", round).isFalse();
                }
                assertThat(live(sessions, s, T0)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
