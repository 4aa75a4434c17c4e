package dev.filament.application.identity.service;

import dev.filament.application.identity.port.out.AuthEvents;
import dev.filament.application.identity.port.out.AuthEvents.LoginOutcome;
import dev.filament.application.identity.port.out.IpObservationRecorder;
import dev.filament.application.identity.port.out.LoginLockouts;
import dev.filament.application.identity.port.out.PasswordHasher;
import dev.filament.application.identity.port.out.UserRepository;
import dev.filament.application.identity.port.in.AuthResult;
import dev.filament.application.identity.port.in.LoginUserUseCase;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.Password;
import dev.filament.domain.identity.RefreshToken;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.Username;
import dev.filament.domain.net.ClientIp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Implements {@link LoginUserUseCase} as SPEC 4.3 orders it: shape check, look-up, exactly one verification (the
 * dummy hash for an unknown user) outside any transaction, then the lockout of (user, client network), and a session
 * under the user's row lock only for a correct password.
 *
 * <p>Equal work (#12 item 9): an unknown user, a wrong password and a locked pair each cost the same one look-up
 * transaction and one Argon2 verification, and nothing else that touches the database; only a success opens a second
 * transaction. The lockout state is in memory ({@link LoginLockouts}), so counting a failure costs no statement.
 */
public final class LoginUserService implements LoginUserUseCase {
    private final UserRepository users;
    private final PasswordHasher hashing;
    private final UnitOfWork unitOfWork;
    private final SessionTokens sessionTokens;
    private final IpObservationRecorder ipObservations;
    private final LoginLockouts lockouts;
    private final AuthEvents events;
    private final Clock clock;

    public LoginUserService(UserRepository users, PasswordHasher hashing, UnitOfWork unitOfWork,
                            SessionTokens sessionTokens, IpObservationRecorder ipObservations,
                            LoginLockouts lockouts, AuthEvents events, Clock clock) {
        this.lockouts = lockouts;
        this.users = users;
        this.hashing = hashing;
        this.unitOfWork = unitOfWork;
        this.sessionTokens = sessionTokens;
        this.ipObservations = ipObservations;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public AuthResult login(LoginUserCommand command) {
        ClientIp ip = command.clientIp();
        Optional<Username> username = Username.parse(command.username());
        Optional<Password> password = Password.parse(command.password());
        if (username.isEmpty() || password.isEmpty()) {
            throw refused(LoginOutcome.INVALID, Optional.empty(), ip);
        }
        Optional<User> found = unitOfWork.read(() -> users.findByUsernameCanonical(username.get()));
        boolean matches = hashing.verify(password.get(),
                found.map(User::passwordHash).orElseGet(hashing::dummyHash));
        if (found.isEmpty()) {
            throw refused(LoginOutcome.UNKNOWN_USER, Optional.empty(), ip);
        }
        Instant now = clock.instant();
        UserId userId = found.get().id();
        switch (lockouts.settle(userId, ip.address().networkKey(), matches, now)) {
            case LOCKED -> throw refused(LoginOutcome.LOCKED, Optional.of(userId), ip);
            case FAILED -> throw refused(LoginOutcome.BAD_PASSWORD, Optional.of(userId), ip);
            case PASSED -> {
                // only a correct password reaches the database a second time
            }
        }
        Attempt attempt = unitOfWork.inTransaction(() -> startSession(userId, now));
        return switch (attempt) {
            case Refused refused -> throw refused(refused.outcome(), Optional.of(userId), ip);
            case Succeeded ok -> succeed(ok, ip, now);
        };
    }

    /** Under the user's row lock: the user may have been removed since the look-up. */
    private Attempt startSession(UserId userId, Instant now) {
        Optional<User> locked = users.lockById(userId);
        if (locked.isEmpty()) {
            return new Refused(LoginOutcome.UNKNOWN_USER);
        }
        return new Succeeded(locked.get(), sessionTokens.startSession(userId, now));
    }

    private AuthResult succeed(Succeeded ok, ClientIp ip, Instant now) {
        try {
            ipObservations.observed(ok.user().id(), ip, now);
        } catch (RuntimeException ignored) {
            // Best effort by contract (SPEC 6.5): the recorder logs its own failures; a login never fails for it.
        }
        events.login(LoginOutcome.SUCCESS, Optional.of(ok.user().id()), ip);
        return sessionTokens.authResult(ok.user().id(), ok.user().username(), ok.refreshToken(), now);
    }

    private UnauthenticatedException refused(LoginOutcome outcome, Optional<UserId> userId, ClientIp ip) {
        events.login(outcome, userId, ip);
        return new UnauthenticatedException(outcome.wireName());
    }

    private sealed interface Attempt permits Refused, Succeeded {
    }

    private record Refused(LoginOutcome outcome) implements Attempt {
    }

    private record Succeeded(User user, RefreshToken refreshToken) implements Attempt {
    }
}
