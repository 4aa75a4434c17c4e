package dev.filament.application.identity.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.PasswordHash;
import dev.filament.domain.identity.RefreshToken;
import dev.filament.domain.identity.RefreshTokenHash;
import dev.filament.domain.identity.Session;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.Username;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract every {@link SessionRepository} keeps. Subclasses supply the repository, a {@link UserRepository} over the
 * same store (sessions need an owning user) and the unit of work; all ids are fresh, so the store may hold other rows.
 */
public abstract class SessionRepositoryContract {
    protected static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TestIds ids = new TestIds();
    private SessionRepository sessions;
    private UserRepository users;
    private UnitOfWork unitOfWork;

    protected abstract SessionRepository createRepository();

    /** Users over the same store, used to create the owners of sessions. */
    protected abstract UserRepository userRepository();

    protected abstract UnitOfWork unitOfWork();

    @BeforeEach
    void setUpContract() {
        users = userRepository();
        sessions = createRepository();
        unitOfWork = unitOfWork();
    }

    /** Hook: a stored user that sessions can belong to. */
    protected User existingUser() {
        User user = User.register(ids.newUserId(), new Username(TestIds.uniqueUsername()),
                new PasswordHash("$argon2id$v=19$contract"), T0);
        tx(() -> users.insertIfAbsent(user));
        return user;
    }

    private <T> T tx(Supplier<T> work) {
        return unitOfWork.inTransaction(work);
    }

    private void run(Runnable work) {
        unitOfWork.run(work);
    }

    private static RefreshTokenHash randomHash(SessionId sid) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return RefreshToken.issue(sid, secret).hash();
    }

    private Session started(UserId owner, Instant at) {
        SessionId sid = ids.newSessionId();
        Session session = Session.start(sid, owner, randomHash(sid), at);
        run(() -> sessions.create(session));
        return session;
    }

    @Test
    void createdSessionIsReadBackUnderLock() {
        Session session = started(existingUser().id(), T0);
        assertThat(tx(() -> sessions.lockById(session.id()))).contains(session);
        assertThat(tx(() -> sessions.lockById(ids.newSessionId()))).isEmpty();
    }

    @Test
    void findLiveReturnsTheOwnersCurrentUsernameOnlyForTheOwnerBeforeExpiry() {
        User owner = existingUser();
        Session s = started(owner.id(), T0);
        assertThat(tx(() -> sessions.findLive(s.id(), owner.id(), T0))).contains(owner.username());
        assertThat(tx(() -> sessions.findLive(s.id(), owner.id(), s.expiresAt().minusSeconds(1))))
                .contains(owner.username());
        assertThat(tx(() -> sessions.findLive(s.id(), owner.id(), s.expiresAt()))).isEmpty();
        assertThat(tx(() -> sessions.findLive(s.id(), existingUser().id(), T0))).isEmpty();
        assertThat(tx(() -> sessions.findLive(ids.newSessionId(), owner.id(), T0))).isEmpty();
    }

    @Test
    void revokedSessionIsNotLiveAndKeepsItsFirstRevocationTime() {
        User owner = existingUser();
        Session s = started(owner.id(), T0);
        run(() -> sessions.revoke(s.id(), T0.plusSeconds(10)));
        run(() -> sessions.revoke(s.id(), T0.plusSeconds(20)));
        assertThat(tx(() -> sessions.findLive(s.id(), owner.id(), T0.plusSeconds(30)))).isEmpty();
        assertThat(tx(() -> sessions.lockById(s.id())).orElseThrow().revokedAt()).contains(T0.plusSeconds(10));
    }

    @Test
    void rotateSwapsHashAndExpiryOnlyWhileTheExpectedHashIsStored() {
        Session s = started(existingUser().id(), T0);
        RefreshTokenHash next = randomHash(s.id());
        Instant newExpiry = T0.plus(Duration.ofDays(31));
        assertThat(tx(() -> sessions.rotate(s.id(), s.refreshHash(), next, newExpiry))).isTrue();
        Session rotated = Session.rehydrate(s.id(), s.userId(), next, s.createdAt(), newExpiry, null);
        assertThat(tx(() -> sessions.lockById(s.id()))).contains(rotated);

        RefreshTokenHash stale = s.refreshHash();
        assertThat(tx(() -> sessions.rotate(s.id(), stale, randomHash(s.id()), T0.plus(Duration.ofDays(40)))))
                .isFalse();
        assertThat(tx(() -> sessions.lockById(s.id()))).contains(rotated);
    }

    @Test
    void usedTokensAreRememberedPerSession() {
        Session s = started(existingUser().id(), T0);
        Session other = started(existingUser().id(), T0);
        RefreshTokenHash used = s.refreshHash();
        run(() -> sessions.recordUsedToken(used, s.id(), T0));
        assertThat(tx(() -> sessions.isUsedToken(used, s.id()))).isTrue();
        assertThat(tx(() -> sessions.isUsedToken(used, other.id()))).isFalse();
        assertThat(tx(() -> sessions.isUsedToken(randomHash(s.id()), s.id()))).isFalse();
    }

    @Test
    void deleteSessionsEndedBeforeRemovesOnlySessionsThatEndedBeforeTheCutoff() {
        UserId owner = existingUser().id();
        Instant cutoff = T0.minus(Duration.ofDays(30));
        Session expiredLongAgo = started(owner, cutoff.minus(Duration.ofDays(31)));
        Session revokedLongAgo = started(owner, cutoff.minus(Duration.ofDays(2)));
        run(() -> sessions.revoke(revokedLongAgo.id(), cutoff.minusSeconds(1)));
        Session revokedRecently = started(owner, cutoff.minus(Duration.ofDays(2)));
        run(() -> sessions.revoke(revokedRecently.id(), cutoff.plusSeconds(1)));
        Session expiringAtCutoff = started(owner, cutoff.minus(Duration.ofDays(30)));
        Session live = started(owner, T0);
        run(() -> sessions.recordUsedToken(randomHash(expiredLongAgo.id()), expiredLongAgo.id(), cutoff));

        assertThat(tx(() -> sessions.deleteSessionsEndedBefore(cutoff))).isGreaterThanOrEqualTo(2);

        assertThat(tx(() -> sessions.lockById(expiredLongAgo.id()))).isEmpty();
        assertThat(tx(() -> sessions.lockById(revokedLongAgo.id()))).isEmpty();
        assertThat(tx(() -> sessions.lockById(revokedRecently.id()))).isPresent();
        assertThat(tx(() -> sessions.lockById(expiringAtCutoff.id()))).isPresent();
        assertThat(tx(() -> sessions.lockById(live.id()))).isPresent();
    }

    @Test
    void deleteUsedTokensBeforeForgetsOnlyOlderHashes() {
        Session s = started(existingUser().id(), T0);
        RefreshTokenHash old = randomHash(s.id());
        RefreshTokenHash recent = randomHash(s.id());
        Instant cutoff = T0.minus(Duration.ofDays(30));
        run(() -> sessions.recordUsedToken(old, s.id(), cutoff.minusSeconds(1)));
        run(() -> sessions.recordUsedToken(recent, s.id(), cutoff));

        assertThat(tx(() -> sessions.deleteUsedTokensBefore(cutoff))).isGreaterThanOrEqualTo(1);

        assertThat(tx(() -> sessions.isUsedToken(old, s.id()))).isFalse();
        assertThat(tx(() -> sessions.isUsedToken(recent, s.id()))).isTrue();
        assertThat(tx(() -> sessions.lockById(s.id()))).isPresent();
    }
}
