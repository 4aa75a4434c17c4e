package dev.filament.application.identity.service;

import static dev.filament.application.identity.service.IdentityFixture.IP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.identity.port.in.AuthResult;
import dev.filament.application.identity.port.in.AuthenticateRequestUseCase.AuthenticateRequestCommand;
import dev.filament.application.identity.port.in.AuthenticateRequestUseCase.AuthenticateRequestCommand.WithToken;
import dev.filament.application.identity.port.in.AuthenticateRequestUseCase.AuthenticateRequestCommand.WithVerifiedClaims;
import dev.filament.application.identity.port.in.AuthenticatedUser;
import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.domain.identity.AccessClaims;
import dev.filament.domain.identity.User;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthenticateRequestServiceTest {
    private final IdentityFixture f = new IdentityFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private void rejected(AuthenticateRequestCommand command, String reason) {
        assertThatThrownBy(() -> f.authenticate.authenticate(command))
                .isInstanceOfSatisfying(UnauthenticatedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(f.events.last()).isEqualTo("auth.token.rejected " + reason);
    }

    @Test
    void givenValidToken_authenticate_returnsCallerAfterOneSessionLookup() {
        User alice = f.registered("Alice");
        AuthResult login = f.loggedIn("alice");

        AuthenticatedUser caller = f.authenticate.authenticate(new WithToken(login.accessToken(), IP));

        assertThat(caller).isEqualTo(
                new AuthenticatedUser(alice.id(), login.refreshToken().sessionId(), alice.username()));
        assertThat(f.sessions.findLiveCalls()).isEqualTo(1);
    }

    @Test
    void givenGarbageOrMissingToken_authenticate_failsInvalidWithoutLookup() {
        rejected(new WithToken("garbage", IP), "invalid");
        rejected(new WithToken("", IP), "invalid");
        rejected(new WithToken(null, IP), "invalid");
        assertThat(f.sessions.findLiveCalls()).isZero();
    }

    @Test
    void givenExpiredToken_authenticate_failsExpired() {
        f.registered("alice");
        AuthResult login = f.loggedIn("alice");
        f.clock.advance(Duration.ofSeconds(900));
        rejected(new WithToken(login.accessToken(), IP), "expired");
        assertThat(f.sessions.findLiveCalls()).isZero();
    }

    @Test
    void givenClaimsOfAnotherUser_authenticate_failsSessionDead() {
        f.registered("alice");
        User bob = f.registered("bob");
        AuthResult login = f.loggedIn("alice");
        AccessClaims forged = AccessClaims.issue(bob.id(), login.refreshToken().sessionId(), bob.username(),
                f.clock.instant());
        rejected(new WithVerifiedClaims(forged, IP), "session_dead");
    }

    @Test
    void givenVerifiedClaims_authenticate_stillChecksTheSession() {
        User alice = f.registered("alice");
        AuthResult login = f.loggedIn("alice");
        AccessClaims claims = f.tokens.claimsOf(login.accessToken());
        assertThat(f.authenticate.authenticate(new WithVerifiedClaims(claims, IP)).userId()).isEqualTo(alice.id());
        f.clock.advance(Duration.ofDays(30));
        rejected(new WithVerifiedClaims(claims, IP), "session_dead");
    }
}
