package dev.filament.http.auth;

import dev.filament.application.budget.RequestBudget;
import dev.filament.application.fakes.InMemoryUnitOfWork;
import dev.filament.application.identity.HashingPool;
import dev.filament.application.identity.SecureRandomSource;
import dev.filament.application.identity.fakes.CountingPasswordHasher;
import dev.filament.application.identity.fakes.InMemorySessionRepository;
import dev.filament.application.identity.fakes.InMemoryUserRepository;
import dev.filament.application.identity.fakes.RecordingAuthEvents;
import dev.filament.application.identity.fakes.RecordingIpObservationRecorder;
import dev.filament.application.identity.fakes.RecordingRevocationListener;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.identity.service.AuthenticateRequestService;
import dev.filament.application.identity.service.GetMeService;
import dev.filament.application.identity.service.LoginUserService;
import dev.filament.application.identity.service.LogoutSessionService;
import dev.filament.application.identity.service.LookupUsersService;
import dev.filament.application.identity.service.RefreshSessionService;
import dev.filament.application.identity.service.RegisterUserService;
import dev.filament.application.identity.service.SessionTokens;
import dev.filament.application.ratelimit.RateLimiter;
import dev.filament.domain.identity.TokenKey;
import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.http.TestServer;
import dev.filament.http.json.Json;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.markdown.CommonmarkTokenizer;
import dev.filament.http.security.JwtTokenService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/** Identity use cases over in-memory fakes with the real JWT service, served by a real Javalin test server. */
final class IdentityFixture implements AutoCloseable {
    final InMemoryUserRepository users = new InMemoryUserRepository();
    final InMemorySessionRepository sessions = new InMemorySessionRepository(users);
    final CountingPasswordHasher hasher = new CountingPasswordHasher();
    final RecordingAuthEvents events = new RecordingAuthEvents();
    final RecordingRevocationListener revocations = new RecordingRevocationListener();
    final JwtTokenService tokens;
    final TestServer server;
    private final HashingPool hashing;

    IdentityFixture(int authPerMinute, String... trusted) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        tokens = new JwtTokenService(TokenKey.of(key));
        Clock clock = Clock.systemUTC();
        RequestBudget budget = new RequestBudget();
        InMemoryUnitOfWork uow = new InMemoryUnitOfWork();
        hashing = new HashingPool(hasher, budget, 2, Duration.ofSeconds(5));
        SessionTokens sessionTokens = new SessionTokens(sessions, new TestIds(), new SecureRandomSource(), tokens);
        IdentityApi api = new IdentityApi(
                new RegisterUserService(users, hashing, uow, new TestIds(), events, clock),
                new LoginUserService(users, hashing, uow, sessionTokens, new RecordingIpObservationRecorder(), events,
                        clock),
                new RefreshSessionService(sessions, users, uow, sessionTokens, revocations, events, clock),
                new LogoutSessionService(sessions, uow, revocations, events, clock),
                new GetMeService(),
                new LookupUsersService(users, uow));
        AuthLimiters limiters = new AuthLimiters(limiter("auth_register", authPerMinute, clock),
                limiter("auth_login", authPerMinute, clock), limiter("auth_refresh", authPerMinute, clock),
                limiter("auth_logout", authPerMinute, clock));
        BearerAuthenticator auth = new BearerAuthenticator(new AuthenticateRequestService(tokens, sessions, uow, events,
                clock));
        server = TestServer.builder().trust(trusted).baselineKey(new TokenBaselineKey(tokens, clock))
                .routes(new AuthRoutes(api, limiters, new JsonBodies(new Json(), 1_048_576), auth,
                        new CommonmarkTokenizer()))
                .start();
    }

    private static RateLimiter limiter(String name, int perMinute, Clock clock) {
        return new RateLimiter(LimitPolicy.slidingWindow(name, perMinute, 60), clock);
    }

    @Override
    public void close() {
        server.close();
        hashing.close();
    }
}
