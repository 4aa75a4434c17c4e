package dev.filament.application.identity.service;

import static dev.filament.application.identity.service.IdentityFixture.IP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.identity.port.in.AuthResult;
import dev.filament.application.identity.port.in.LogoutSessionUseCase;
import dev.filament.application.identity.port.in.RefreshSessionUseCase.RefreshSessionCommand;
import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.identity.Session;
import dev.filament.domain.identity.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RefreshSessionServiceTest {
    private final IdentityFixture f = new IdentityFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private AuthResult refresh(String token) {
        return f.refresh.refresh(new RefreshSessionCommand(token, IP));
    }

    private void refused(String token, String reason) {
        assertThatThrownBy(() -> refresh(token)).isInstanceOfSatisfying(UnauthenticatedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private Session session(SessionId id) {
        return f.sessions.lockById(id).orElseThrow();
    }

    @Test
    void givenCurrentToken_refresh_rotatesSlidesExpiryAndRemembersTheOldHash() {
        User alice = f.registered("alice");
        AuthResult login = f.loggedIn("alice");
        SessionId sid = login.refreshToken().sessionId();
        f.clock.advance(Duration.ofDays(2));

        AuthResult refreshed = refresh(login.refreshToken().value());

        assertThat(refreshed.refreshToken().sessionId()).isEqualTo(sid);
        assertThat(refreshed.refreshToken()).isNotEqualTo(login.refreshToken());
        assertThat(session(sid).refreshHash()).isEqualTo(refreshed.refreshToken().hash());
        assertThat(session(sid).expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofDays(30)));
        assertThat(f.sessions.isUsedToken(login.refreshToken().hash(), sid)).isTrue();
        assertThat(f.tokens.claimsOf(refreshed.accessToken()).sid()).isEqualTo(sid);
        assertThat(f.tokens.claimsOf(refreshed.accessToken()).iat()).isEqualTo(f.clock.instant());
        assertThat(f.tokens.claimsOf(refreshed.accessToken()).username()).isEqualTo(alice.username());
        assertThat(refreshed.expiresInSecs()).isEqualTo(900);
        assertThat(f.events.last()).isEqualTo("auth.refresh success " + sid);
    }

    @Test
    void givenRotatedAwayToken_refresh_revokesTheSessionAfterCommitAndFails() {
        AuthResult login = f.loggedIn(f.registered("alice").username().value());
        SessionId sid = login.refreshToken().sessionId();
        AuthResult rotated = refresh(login.refreshToken().value());

        refused(login.refreshToken().value(), "replay_detected");

        assertThat(session(sid).revokedAt()).contains(f.clock.instant());
        assertThat(f.revocations.revoked()).containsExactly(sid);
        assertThat(f.events.last()).isEqualTo("auth.refresh replay_detected " + sid);
        refused(rotated.refreshToken().value(), "invalid"); // the thief's successor token died with the session
    }

    @Test
    void givenMalformedToken_refresh_failsWithoutTouchingStorage() {
        refused("not-a-token", "invalid");
        refused("", "invalid");
        refused(null, "invalid");
        assertThat(f.unitOfWork.transactions()).isZero();
        assertThat(f.events.last()).isEqualTo("auth.refresh invalid");
    }

    @Test
    void givenUnknownSession_refresh_fails() {
        AuthResult login = f.loggedIn(f.registered("alice").username().value());
        String otherSession = f.ids.next() + login.refreshToken().value().substring(26);
        refused(otherSession, "invalid");
        assertThat(f.revocations.revoked()).isEmpty();
    }

    @Test
    void givenExpiredSession_refresh_failsWithoutRevoking() {
        AuthResult login = f.loggedIn(f.registered("alice").username().value());
        f.clock.advance(Duration.ofDays(30));
        refused(login.refreshToken().value(), "invalid");
        assertThat(session(login.refreshToken().sessionId()).revokedAt()).isEmpty();
        assertThat(f.revocations.revoked()).isEmpty();
    }

    @Test
    void givenLoggedOutSession_refreshWithItsCurrentToken_fails() {
        AuthResult login = f.loggedIn(f.registered("alice").username().value());
        f.logout.logout(new LogoutSessionUseCase.LogoutSessionCommand(login.refreshToken().value(), IP));
        refused(login.refreshToken().value(), "invalid");
    }

    @Test
    void twoConcurrentRefreshesWithOneToken_exactlyOneSucceedsAndTheOtherRevokes() throws Exception {
        AuthResult login = f.loggedIn(f.registered("alice").username().value());
        String token = login.refreshToken().value();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<AuthResult>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return refresh(token);
                }));
            }
            start.countDown();
            int successes = 0;
            List<String> failures = new ArrayList<>();
            for (Future<AuthResult> result : results) {
                try {
                    result.get(10, TimeUnit.SECONDS);
                    successes++;
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(((UnauthenticatedException) e.getCause()).reason());
                }
            }
            assertThat(successes).isEqualTo(1);
            assertThat(failures).containsExactly("replay_detected");
            assertThat(session(login.refreshToken().sessionId()).revokedAt()).isPresent();
        } finally {
            threads.shutdownNow();
        }
    }
}
