package dev.filament.application.identity.service;

import dev.filament.application.identity.port.out.AuthEvents;
import dev.filament.application.identity.port.out.AuthEvents.RegisterOutcome;
import dev.filament.application.identity.port.out.PasswordHasher;
import dev.filament.application.identity.port.out.UserRepository;
import dev.filament.application.identity.port.out.UserRepository.InsertOutcome;
import dev.filament.application.identity.port.in.RegisterUserUseCase;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.id.IdGenerator;
import dev.filament.domain.identity.Password;
import dev.filament.domain.identity.PasswordHash;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.Username;
import java.time.Clock;
import java.util.Optional;

/** Implements {@link RegisterUserUseCase}: captcha, validate, hash (outside any transaction), insert-if-absent. */
public final class RegisterUserService implements RegisterUserUseCase {
    private final UserRepository users;
    private final PasswordHasher hashing;
    private final UnitOfWork unitOfWork;
    private final IdGenerator ids;
    private final AuthEvents events;
    private final Clock clock;
    private final CaptchaGate captcha;

    /** Without captcha (SPEC 4.4 disabled). */
    public RegisterUserService(UserRepository users, PasswordHasher hashing, UnitOfWork unitOfWork, IdGenerator ids,
                               AuthEvents events, Clock clock) {
        this(users, hashing, unitOfWork, ids, events, clock, CaptchaGate.DISABLED);
    }

    public RegisterUserService(UserRepository users, PasswordHasher hashing, UnitOfWork unitOfWork, IdGenerator ids,
                               AuthEvents events, Clock clock, CaptchaGate captcha) {
        this.captcha = java.util.Objects.requireNonNull(captcha, "captcha");
        this.users = users;
        this.hashing = hashing;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void register(RegisterUserCommand command) {
        // before validation, so nobody probes the username and password rules without solving a captcha (4.4)
        captcha.check(command.captchaToken(), command.clientIp());
        Optional<Username> username = Username.parse(command.username());
        Optional<Password> password = Password.parse(command.password());
        if (username.isEmpty() || password.isEmpty()) {
            events.register(RegisterOutcome.INVALID, command.clientIp());
            throw new InvalidRequestException("username or password outside the policy");
        }
        // Hash before looking at the name: an existing name must cost the same time as a new one.
        PasswordHash hash = hashing.hash(password.get());
        User user = User.register(ids.newUserId(), username.get(), hash, clock.instant());
        InsertOutcome outcome = unitOfWork.inTransaction(() -> users.insertIfAbsent(user));
        events.register(outcome == InsertOutcome.CREATED ? RegisterOutcome.CREATED : RegisterOutcome.EXISTS,
                command.clientIp());
    }
}
