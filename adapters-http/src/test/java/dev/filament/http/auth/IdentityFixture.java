package dev.filament.http.auth;

import dev.filament.application.fakes.InMemoryUnitOfWork;
import dev.filament.application.identity.AuthenticateRequestService;
import dev.filament.application.identity.GetMeService;
import dev.filament.application.identity.LoginUserService;
import dev.filament.application.identity.LogoutSessionService;
import dev.filament.application.identity.LookupUsersService;
import dev.filament.application.identity.RefreshSessionService;
import dev.filament.application.identity.RegisterUserService;
import dev.filament.application.identity.SessionTokens;
import dev.filament.application.identity.fakes.CountingPasswordHasher;
import dev.filament.application.identity.fakes.FakeTokenService;
import dev.filament.application.identity.fakes.InMemorySessionRepository;
import dev.filament.application.identity.fakes.InMemoryUserRepository;
import dev.filament.application.identity.fakes.RecordingAuthEvents;
import dev.filament.application.identity.fakes.RecordingIpObservationRecorder;
import dev.filament.application.identity.fakes.RecordingRevocationListener;
import dev.filament.application.identity.fakes.SequenceRandomSource;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.message.MarkdownTokenizer;
import dev.filament.application.message.ParagraphTokenizer;
import dev.filament.application.ratelimit.RateLimiter;
import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.http.TestServer;
import dev.filament.http.json.Json;
import dev.filament.http.json.JsonBodies;
import java.time.Clock;
import java.util.List;

/** Identity use cases over in-memory fakes (tokens, hashing, Markdown), served by a real Javalin test server. */
final class IdentityFixture implements AutoCloseable {
    final InMemoryUserRepository users = new InMemoryUserRepository();
    final InMemorySessionRepository sessions = new InMemorySessionRepository(users);
    final CountingPasswordHasher hasher = new CountingPasswordHasher();
    final RecordingAuthEvents events = new RecordingAuthEvents();
    final RecordingRevocationListener revocations = new RecordingRevocationListener();
    final FakeTokenService tokens = new FakeTokenService();
    final TestServer server;
    /** Empty content has no tokens (as with CommonMark); anything else is one fake paragraph. */
    private static final MarkdownTokenizer MARKDOWN = content -> content.isEmpty() ? List.of()
            : new ParagraphTokenizer().tokenize(content);

    IdentityFixture(int authPerMinute, String... trusted) {
        Clock clock = Clock.systemUTC();
        InMemoryUnitOfWork uow = new InMemoryUnitOfWork();
        SessionTokens sessionTokens = new SessionTokens(sessions, new TestIds(), new SequenceRandomSource(), tokens);
        IdentityApi api = new IdentityApi(
                new RegisterUserService(users, hasher, uow, new TestIds(), events, clock),
                new LoginUserService(users, hasher, uow, sessionTokens, new RecordingIpObservationRecorder(), events,
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
                        MARKDOWN))
                .start();
    }

    private static RateLimiter limiter(String name, int perMinute, Clock clock) {
        return new RateLimiter(LimitPolicy.slidingWindow(name, perMinute, 60), clock);
    }

    @Override
    public void close() {
        server.close();
    }
}
