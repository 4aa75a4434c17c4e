package dev.filament.application.identity.service;

import static dev.filament.application.identity.service.IdentityFixture.IP;
import static dev.filament.application.identity.service.IdentityFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.identity.port.in.AuthResult;
import dev.filament.application.identity.port.in.LoginUserUseCase.LoginUserCommand;
import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.domain.identity.AccessClaims;
import dev.filament.domain.identity.Session;
import dev.filament.domain.identity.User;
import dev.filament.domain.net.ClientIp;
import dev.filament.domain.net.IpAddress;
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

    private void attemptFrom(String name, String password, ClientIp ip, String expectedReason) {
        assertThatThrownBy(() -> f.login.login(new LoginUserCommand(name, password, ip)))
                .isInstanceOfSatisfying(UnauthenticatedException.class,
                        e -> assertThat(e.reason()).isEqualTo(expectedReason));
    }

    private static ClientIp ip(String address) {
        return new ClientIp(IpAddress.parse(address).orElseThrow(), ClientIp.Source.PEER);
    }

    @Test
    void givenWrongPassword_login_countsTheFailureAndStartsNoSession() {
        User alice = f.registered("alice");
        attempt("alice", WRONG, "bad_password");
        assertThat(f.hasher.verifications()).isEqualTo(1);
        assertThat(f.sessions.count()).isZero();
        assertThat(f.ipObservations.observations()).isEmpty();
        assertThat(f.events.last()).isEqualTo("auth.login bad_password " + alice.id());
        assertThat(f.user(alice)).as("nothing written to the user row").isEqualTo(alice);
    }

    @Test
    void fifthWrongPassword_locksThePairForThirtySeconds_thenItOpensAgain() {
        f.registered("alice");
        for (int i = 0; i < 4; i++) {
            attempt("alice", WRONG, "bad_password");
        }
        attempt("alice", WRONG, "bad_password");
        attempt("alice", PASSWORD, "locked");
        f.clock.advance(Duration.ofSeconds(29));
        attempt("alice", PASSWORD, "locked");
        f.clock.advance(Duration.ofSeconds(1));
        f.loggedIn("alice");
        assertThat(f.hasher.verifications()).isEqualTo(8);
    }

    @Test
    void givenLockedPair_login_failsWithoutTouchingCountersWhateverThePassword() {
        User alice = f.registered("alice");
        for (int i = 0; i < 5; i++) {
            attempt("alice", WRONG, "bad_password");
        }
        f.clock.advance(Duration.ofSeconds(29));

        attempt("alice", WRONG, "locked");
        attempt("alice", PASSWORD, "locked");
        f.clock.advance(Duration.ofSeconds(1));

        assertThat(f.hasher.verifications()).as("one verification per attempt, locked or not").isEqualTo(7);
        assertThat(f.hashedInsideTransaction).as("no transaction held while verifying").isFalse();
        assertThat(f.sessions.count()).isZero();
        attempt("alice", WRONG, "bad_password"); // the lock ended on time: the locked attempts did not extend it
        assertThat(f.events.last()).isEqualTo("auth.login bad_password " + alice.id());
    }

    /** #12 item 7: 5 wrong passwords from network A lock A only; B logs in; A stays locked. */
    @Test
    void aLockHoldsOnlyForTheNetworkThatFailed() {
        f.registered("alice");
        ClientIp a = ip("198.51.100.7");
        ClientIp b = ip("203.0.113.9");
        for (int i = 0; i < 5; i++) {
            attemptFrom("alice", WRONG, a, "bad_password");
        }

        AuthResult fromB = f.login.login(new LoginUserCommand("alice", PASSWORD, b));

        assertThat(fromB.accessToken()).isNotBlank();
        attemptFrom("alice", PASSWORD, a, "locked");
        assertThat(f.sessions.count()).isEqualTo(1);
    }

    /** SPEC 4.3: the client network of an IPv6 address is its /64; another /64 is another network. */
    @Test
    void anIpv6LockCoversItsWholeSlash64_andNoOther() {
        f.registered("alice");
        for (int i = 0; i < 5; i++) {
            attemptFrom("alice", WRONG, ip("2001:db8:1:2::" + Integer.toHexString(i + 1)), "bad_password");
        }
        attemptFrom("alice", PASSWORD, ip("2001:db8:1:2:ffff::1"), "locked");
        assertThat(f.login.login(new LoginUserCommand("alice", PASSWORD, ip("2001:db8:1:3::1"))).accessToken())
                .isNotBlank();
    }

    @Test
    void failuresFromOtherNetworksDoNotAddUp() {
        f.registered("alice");
        for (int i = 0; i < 20; i++) {
            attemptFrom("alice", WRONG, ip("198.51.100." + (i + 1)), "bad_password");
        }
        f.loggedIn("alice");
    }

    @Test
    void givenEarlierFailures_successfulLogin_resetsTheCounter() {
        f.registered("alice");
        for (int i = 0; i < 4; i++) {
            attempt("alice", WRONG, "bad_password");
        }
        f.loggedIn("alice");
        for (int i = 0; i < 4; i++) {
            attempt("alice", WRONG, "bad_password");
        }
        f.loggedIn("alice");
    }

    @Test
    void failuresExpire15MinutesAfterTheLast() {
        f.registered("alice");
        for (int i = 0; i < 4; i++) {
            attempt("alice", WRONG, "bad_password");
        }
        f.clock.advance(Duration.ofMinutes(15));
        for (int i = 0; i < 4; i++) {
            attempt("alice", WRONG, "bad_password"); // a count that had not expired would lock at the first
        }
        f.loggedIn("alice");
    }

    /**
     * #12 item 9: an unknown user, a wrong password and a locked pair cost the same work: one look-up transaction
     * with one statement and one Argon2 verification; nothing else reaches the database.
     */
    @Test
    void unknownUserWrongPasswordAndLockedPair_doTheSameHashingAndDatabaseWork() {
        f.registered("alice");
        java.util.List<String> shapes = new java.util.ArrayList<>();
        for (String[] attempt : new String[][] {{"nobody", PASSWORD, "unknown_user"}, {"alice", WRONG, "bad_password"},
                {"alice", WRONG, "bad_password"}, {"alice", WRONG, "bad_password"}, {"alice", WRONG, "bad_password"},
                {"alice", WRONG, "bad_password"}, {"alice", PASSWORD, "locked"}, {"nobody", WRONG, "unknown_user"}}) {
            int verifications = f.hasher.verifications();
            int transactions = f.unitOfWork.transactions();
            f.loginUserCalls.clear();
            attempt(attempt[0], attempt[1], attempt[2]);
            shapes.add((f.hasher.verifications() - verifications) + " hash, "
                    + (f.unitOfWork.transactions() - transactions) + " tx, " + f.loginUserCalls);
        }
        assertThat(shapes).as("every failure path").containsOnly("1 hash, 1 tx, [findByUsernameCanonical]");
        assertThat(f.hashedInsideTransaction).isFalse();
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
