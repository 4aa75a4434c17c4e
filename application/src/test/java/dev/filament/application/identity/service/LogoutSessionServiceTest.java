package dev.filament.application.identity.service;

import static dev.filament.application.identity.service.IdentityFixture.IP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.identity.port.in.AuthResult;
import dev.filament.application.identity.port.in.AuthenticateRequestUseCase.AuthenticateRequestCommand.WithToken;
import dev.filament.application.identity.port.in.LogoutSessionUseCase.LogoutSessionCommand;
import dev.filament.application.identity.port.in.RefreshSessionUseCase.RefreshSessionCommand;
import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.domain.id.SessionId;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogoutSessionServiceTest {
    private final IdentityFixture f = new IdentityFixture();
    private AuthResult login;
    private SessionId sid;

    @AfterEach
    void close() {
        f.close();
    }

    private void loggedIn() {
        login = f.loggedIn(f.registered("alice").username().value());
        sid = login.refreshToken().sessionId();
    }

    private void logout(String token) {
        f.logout.logout(new LogoutSessionCommand(token, IP));
    }

    @Test
    void logout_revokesTheSessionAndClosesItsSocketsAfterCommit() {
        loggedIn();
        logout(login.refreshToken().value());
        assertThat(f.sessions.lockById(sid).orElseThrow().revokedAt()).contains(f.clock.instant());
        assertThat(f.revocations.revoked()).containsExactly(sid);
        assertThat(f.events.last()).isEqualTo("auth.logout success " + sid);
    }

    @Test
    void logoutThenAuthenticate_failsWithSessionDead() {
        loggedIn();
        logout(login.refreshToken().value());
        assertThatThrownBy(() -> f.authenticate.authenticate(new WithToken(login.accessToken(), IP)))
                .isInstanceOfSatisfying(UnauthenticatedException.class,
                        e -> assertThat(e.reason()).isEqualTo("session_dead"));
    }

    @Test
    void givenAlreadyRevokedWithMatchingHash_logout_succeedsAndKeepsTheFirstRevocation() {
        loggedIn();
        logout(login.refreshToken().value());
        f.clock.advance(Duration.ofMinutes(1));
        logout(login.refreshToken().value());
        assertThat(f.sessions.lockById(sid).orElseThrow().revokedAt())
                .contains(f.clock.instant().minus(Duration.ofMinutes(1)));
        assertThat(f.events.last()).isEqualTo("auth.logout already_revoked " + sid);
    }

    @Test
    void givenRotatedAwayToken_logout_failsAndLeavesTheSessionLive() {
        loggedIn();
        f.refresh.refresh(new RefreshSessionCommand(login.refreshToken().value(), IP));
        assertThatThrownBy(() -> logout(login.refreshToken().value())).isInstanceOf(UnauthenticatedException.class);
        assertThat(f.sessions.lockById(sid).orElseThrow().revokedAt()).isEmpty();
        assertThat(f.revocations.revoked()).isEmpty();
        assertThat(f.events.last()).isEqualTo("auth.logout invalid");
    }

    @Test
    void givenMalformedOrUnknownToken_logout_fails() {
        loggedIn();
        assertThatThrownBy(() -> logout("garbage")).isInstanceOf(UnauthenticatedException.class);
        String unknown = f.ids.next() + login.refreshToken().value().substring(26);
        assertThatThrownBy(() -> logout(unknown)).isInstanceOf(UnauthenticatedException.class);
        assertThat(f.revocations.revoked()).isEmpty();
    }

    @Test
    void givenExpiredSession_logout_stillSucceeds() {
        loggedIn();
        f.clock.advance(Duration.ofDays(31));
        logout(login.refreshToken().value());
        assertThat(f.sessions.lockById(sid).orElseThrow().revokedAt()).isPresent();
    }
}
