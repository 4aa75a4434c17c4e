package dev.filament.application.identity.service;

import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.application.shared.fakes.MutableClock;
import dev.filament.application.identity.fakes.CountingPasswordHasher;
import dev.filament.application.identity.fakes.InMemoryTokenService;
import dev.filament.application.identity.fakes.InMemorySessionRepository;
import dev.filament.application.identity.fakes.InMemoryUserRepository;
import dev.filament.application.identity.fakes.RecordingAuthEvents;
import dev.filament.application.identity.fakes.RecordingIpObservationRecorder;
import dev.filament.application.identity.fakes.RecordingRevocationListener;
import dev.filament.application.identity.fakes.SequenceRandomSource;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.identity.port.in.AuthResult;
import dev.filament.application.identity.port.in.AuthenticateRequestUseCase;
import dev.filament.application.identity.port.in.CleanupExpiredSessionsUseCase;
import dev.filament.application.identity.port.in.LoginUserUseCase;
import dev.filament.application.identity.port.in.LoginUserUseCase.LoginUserCommand;
import dev.filament.application.identity.port.in.LogoutSessionUseCase;
import dev.filament.application.identity.port.in.LookupUsersUseCase;
import dev.filament.application.identity.port.in.RefreshSessionUseCase;
import dev.filament.application.identity.port.in.RegisterUserUseCase;
import dev.filament.application.identity.port.in.RegisterUserUseCase.RegisterUserCommand;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.Username;
import dev.filament.domain.net.ClientIp;
import dev.filament.domain.net.IpAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The identity use cases wired by hand over in-memory fakes and a pinned clock, as bootstrap wires the real ones. */
final class IdentityFixture implements AutoCloseable {
    static final ClientIp IP = new ClientIp(IpAddress.parse("203.0.113.7").orElseThrow(), ClientIp.Source.PEER);
    static final String PASSWORD = "correct horse battery";

    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    final InMemoryUserRepository users = new InMemoryUserRepository();
    final InMemorySessionRepository sessions = new InMemorySessionRepository(users);
    final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork().enlist(users).enlist(sessions);
    /** Transactions open right now, on any thread: hashing must never overlap one (SPEC 4.1). */
    final AtomicInteger openTransactions = new AtomicInteger();
    final AtomicBoolean hashedInsideTransaction = new AtomicBoolean();
    private final UnitOfWork trackedUnitOfWork = new UnitOfWork() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return unitOfWork.inTransaction(() -> {
                openTransactions.incrementAndGet();
                try {
                    return work.get();
                } finally {
                    openTransactions.decrementAndGet();
                }
            });
        }
    };
    final CountingPasswordHasher hasher = new CountingPasswordHasher();
    final InMemoryTokenService tokens = new InMemoryTokenService();
    final RecordingAuthEvents events = new RecordingAuthEvents();
    final RecordingRevocationListener revocations = new RecordingRevocationListener();
    final RecordingIpObservationRecorder ipObservations = new RecordingIpObservationRecorder();
    final TestIds ids = new TestIds();
    final SequenceRandomSource random = new SequenceRandomSource();
    final SessionTokens sessionTokens = new SessionTokens(sessions, ids, random, tokens);

    {
        hasher.onEveryCall(() -> {
            if (openTransactions.get() > 0) {
                hashedInsideTransaction.set(true);
            }
        });
    }

    final RegisterUserUseCase register =
            new RegisterUserService(users, hasher, trackedUnitOfWork, ids, events, clock);
    /** Every call the login makes on the user repository, by method name: its database work, statement by statement. */
    final java.util.List<String> loginUserCalls = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final dev.filament.application.identity.port.out.UserRepository loginUsers =
            (dev.filament.application.identity.port.out.UserRepository) java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {dev.filament.application.identity.port.out.UserRepository.class},
                    (proxy, method, args) -> {
                        loginUserCalls.add(method.getName());
                        try {
                            return method.invoke(users, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
    final LocalLoginLockouts lockouts = new LocalLoginLockouts();
    final LoginUserUseCase login = new LoginUserService(loginUsers, hasher, trackedUnitOfWork, sessionTokens,
            ipObservations, lockouts, events, clock);
    final RefreshSessionUseCase refresh =
            new RefreshSessionService(sessions, users, trackedUnitOfWork, sessionTokens, revocations, events, clock);
    final LogoutSessionUseCase logout =
            new LogoutSessionService(sessions, trackedUnitOfWork, revocations, events, clock);
    final AuthenticateRequestUseCase authenticate =
            new AuthenticateRequestService(tokens, sessions, trackedUnitOfWork, events, clock);
    final LookupUsersUseCase lookup = new LookupUsersService(users, trackedUnitOfWork);
    final CleanupExpiredSessionsUseCase cleanup =
            new CleanupExpiredSessionsService(sessions, trackedUnitOfWork, clock);

    /** Registers {@code name} with {@link #PASSWORD} and returns the stored user. */
    User registered(String name) {
        register.register(new RegisterUserCommand(name, PASSWORD, IP));
        return users.findByUsernameCanonical(new Username(name)).orElseThrow();
    }

    AuthResult loggedIn(String name) {
        return login.login(new LoginUserCommand(name, PASSWORD, IP));
    }

    User user(User user) {
        return users.findById(user.id()).orElseThrow();
    }

    @Override
    public void close() {
    }
}
