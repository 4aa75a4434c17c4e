package dev.filament.application.identity.service;

import dev.filament.application.identity.port.out.AuthEvents;
import dev.filament.application.identity.port.out.AuthEvents.LoginOutcome;
import dev.filament.application.identity.port.out.IpObservationRecorder;
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
 * dummy hash for an unknown user) outside any transaction, then counters and session under the user's row lock.
 */
public final class LoginUserService implements LoginUserUseCase {
    private final UserRepository users;
    private final PasswordHasher hashing;
    private final UnitOfWork unitOfWork;
    private final SessionTokens sessionTokens;
    private final IpObservationRecorder ipObservations;
    private final AuthEvents events;
    private final Clock clock;

    public LoginUserService(UserRepository users, PasswordHasher hashing, UnitOfWork unitOfWork,
                            SessionTokens sessionTokens, IpObservationRecorder ipObservations, AuthEvents events,
                            Clock clock) {
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
        Optional<User> found = unitOfWork.inTransaction(() -> users.findByUsernameCanonical(username.get()));
        boolean matches = hashing.verify(password.get(),
                found.map(User::passwordHash).orElseGet(hashing::dummyHash));
        if (found.isEmpty()) {
            throw refused(LoginOutcome.UNKNOWN_USER, Optional.empty(), ip);
        }
        Instant now = clock.instant();
        Attempt attempt = unitOfWork.inTransaction(() -> settle(found.get().id(), matches, now));
        return switch (attempt) {
            case Refused refused -> throw refused(refused.outcome(), Optional.of(found.get().id()), ip);
            case Succeeded ok -> succeed(ok, ip, now);
        };
    }

    /** Under the user's row lock, so concurrent wrong passwords count exactly and the lock is set once. */
    private Attempt settle(UserId userId, boolean passwordMatches, Instant now) {
        Optional<User> locked = users.lockById(userId);
        if (locked.isEmpty()) {
            return new Refused(LoginOutcome.UNKNOWN_USER);
        }
        User user = locked.get();
        if (user.isLocked(now)) {
            return new Refused(LoginOutcome.LOCKED);
        }
        if (!passwordMatches) {
            users.saveLoginCounters(user.afterFailedLogin(now));
            return new Refused(LoginOutcome.BAD_PASSWORD);
        }
        users.saveLoginCounters(user.afterSuccessfulLogin());
        return new Succeeded(user, sessionTokens.startSession(user.id(), now));
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
