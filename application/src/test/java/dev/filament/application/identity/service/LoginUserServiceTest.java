package dev.filament.application.identity.service;

import static dev.filament.application.identity.service.IdentityFixture.IP;
import static dev.filament.application.identity.service.IdentityFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.identity.port.in.AuthResult;
import dev.filament.application.identity.port.in.LoginUserUseCase.LoginUserCommand;
import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.domain.identity.AccessClaims;
import dev.filament.domain.identity.LoginCounters;
import dev.filament.domain.identity.Session;
import dev.filament.domain.identity.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginUserServiceTest {
    private static final String WRONG = "wrong password!!";
    private final IdentityFixture f = new IdentityFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private void attempt(String name, String password, String expectedReason) {
        assertThatThrownBy(() -> f.login.login(new LoginUserCommand(name, password, IP)))
                .isInstanceOfSatisfying(UnauthenticatedException.class,
                        e -> assertThat(e.reason()).isEqualTo(expectedReason));
    }

    @ParameterizedTest
    @CsvSource({"ab, correct horse battery", "alice, short", "'', ''", "al ice, correct horse battery"})
    void givenInputOutsideThePolicy_login_fails401WithoutHashingOrLookup(String name, String password) {
        f.registered("alice");
        int transactions = f.unitOfWork.transactions();
        attempt(name, password, "invalid");
        assertThat(f.hasher.verifications()).isZero();
        assertThat(f.unitOfWork.transactions()).isEqualTo(transactions);
        assertThat(f.events.last()).isEqualTo("auth.login invalid");
    }

    @Test
    void givenUnknownUser_login_verifiesTheDummyHashOnceAndFails() {
        attempt("nobody", PASSWORD, "unknown_user");
        assertThat(f.hasher.verifications()).isEqualTo(1);
        assertThat(f.sessions.count()).isZero();
        assertThat(f.events.events()).containsExactly("auth.login unknown_user");
    }

    @Test
    void givenCorrectPassword_login_startsSessionAndIssuesTokensAfterExactlyOneVerification() {
        User alice = f.registered("Alice");

        AuthResult result = f.login.login(new LoginUserCommand("aLICE", PASSWORD, IP));

        assertThat(f.hasher.verifications()).isEqualTo(1);
        assertThat(f.hashedInsideTransaction).isFalse();
        assertThat(result.expiresInSecs()).isEqualTo(900);
        Session session = f.sessions.lockById(result.refreshToken().sessionId()).orElseThrow();
        assertThat(session.userId()).isEqualTo(alice.id());
        assertThat(session.refreshHash()).isEqualTo(result.refreshToken().hash());
        assertThat(session.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofDays(30)));
        AccessClaims claims = f.tokens.claimsOf(result.accessToken());
        assertThat(claims).isEqualTo(new AccessClaims(alice.id(), session.id(), alice.username(),
                f.clock.instant(), f.clock.instant().plusSeconds(900)));
        assertThat(f.ipObservations.observations()).singleElement()
                .satisfies(o -> assertThat(o.userId()).isEqualTo(alice.id()))
                .satisfies(o -> assertThat(o.clientIp()).isEqualTo(IP));
        assertThat(f.events.last()).isEqualTo("auth.login success " + alice.id());
    }

    @Test
    void givenWrongPassword_login_countsTheFailureAndStartsNoSession() {
        User alice = f.registered("alice");
        attempt("alice", WRONG, "bad_password");
        assertThat(f.hasher.verifications()).isEqualTo(1);
        assertThat(f.user(alice).loginCounters()).isEqualTo(new LoginCounters(1, Optional.empty()));
        assertThat(f.sessions.count()).isZero();
        assertThat(f.ipObservations.observations()).isEmpty();
        assertThat(f.events.last()).isEqualTo("auth.login bad_password " + alice.id());
    }

    @Test
    void fifthWrongPassword_locksForThirtySecondsAndResetsTheCounter() {
        User alice = f.registered("alice");
        for (int i = 0; i < 5; i++) {
            attempt("alice", WRONG, "bad_password");
        }
        Instant lockedUntil = f.clock.instant().plusSeconds(30);
        assertThat(f.user(alice).loginCounters()).isEqualTo(LoginCounters.lockedUntil(lockedUntil));
        assertThat(f.hasher.verifications()).isEqualTo(5);
    }

    @Test
    void givenLockedUser_login_failsWithoutTouchingCountersWhateverThePassword() {
        User alice = f.registered("alice");
        for (int i = 0; i < 5; i++) {
            attempt("alice", WRONG, "bad_password");
        }
        LoginCounters locked = f.user(alice).loginCounters();
        f.clock.advance(Duration.ofSeconds(29));

        attempt("alice", WRONG, "locked");
        attempt("alice", PASSWORD, "locked");

        assertThat(f.user(alice).loginCounters()).isEqualTo(locked);
        assertThat(f.hasher.verifications()).as("one verification per attempt, locked or not").isEqualTo(7);
        assertThat(f.hashedInsideTransaction).as("no transaction held while verifying").isFalse();
        assertThat(f.sessions.count()).isZero();
        assertThat(f.events.last()).isEqualTo("auth.login locked " + alice.id());
    }

    @Test
    void givenLockExpired_login_succeedsAndClearsCounters() {
        User alice = f.registered("alice");
        for (int i = 0; i < 5; i++) {
            attempt("alice", WRONG, "bad_password");
        }
        f.clock.advance(Duration.ofSeconds(30));

        f.loggedIn("alice");

        assertThat(f.user(alice).loginCounters()).isEqualTo(LoginCounters.CLEAR);
        assertThat(f.sessions.count()).isEqualTo(1);
    }

    @Test
    void givenEarlierFailures_successfulLogin_resetsTheCounter() {
        User alice = f.registered("alice");
        attempt("alice", WRONG, "bad_password");
        attempt("alice", WRONG, "bad_password");
        f.loggedIn("alice");
        assertThat(f.user(alice).loginCounters()).isEqualTo(LoginCounters.CLEAR);
    }

    @Test
    void givenIpObservationFails_login_stillSucceeds() {
        f.registered("alice");
        f.ipObservations.failFromNowOn();
        AuthResult result = f.loggedIn("alice");
        assertThat(f.sessions.lockById(result.refreshToken().sessionId())).isPresent();
    }

    @Test
    void everyLoginStartsItsOwnSession() {
        f.registered("alice");
        AuthResult first = f.loggedIn("alice");
        AuthResult second = f.loggedIn("alice");
        assertThat(first.refreshToken().sessionId()).isNotEqualTo(second.refreshToken().sessionId());
        assertThat(f.sessions.count()).isEqualTo(2);
    }
}
