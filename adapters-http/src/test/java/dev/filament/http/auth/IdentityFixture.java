package dev.filament.http.auth;

import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.application.identity.service.GetMeService;
import dev.filament.application.identity.service.LocalLoginLockouts;
import dev.filament.application.identity.service.LoginUserService;
import dev.filament.application.identity.service.LogoutSessionService;
import dev.filament.application.identity.service.LookupUsersService;
import dev.filament.application.identity.service.RefreshSessionService;
import dev.filament.application.identity.service.RegisterUserService;
import dev.filament.application.identity.service.SessionTokens;
import dev.filament.application.identity.fakes.CountingPasswordHasher;
import dev.filament.application.identity.fakes.InMemoryUserRepository;
import dev.filament.application.identity.fakes.RecordingAuthEvents;
import dev.filament.application.identity.fakes.RecordingIpObservationRecorder;
import dev.filament.application.identity.fakes.RecordingRevocationListener;
import dev.filament.application.identity.fakes.SequenceRandomSource;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.markdown.port.out.MarkdownTokenizer;
import dev.filament.application.markdown.port.out.ParagraphTokenizer;
import dev.filament.application.identity.service.AuthenticateRequestService;
import dev.filament.application.shared.RateLimiter;
import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.http.testing.HttpFixture;
import dev.filament.application.identity.service.CaptchaGate;
import java.time.Clock;
import java.util.List;

/**
 * The identity use cases over in-memory fakes (tokens, hashing, Markdown), served through the shared
 * {@link HttpFixture} (its users, sessions and fake access tokens).
 */
public final class IdentityFixture implements AutoCloseable {
    /** Empty content has no tokens (as with CommonMark); anything else is one fake paragraph. */
    private static final MarkdownTokenizer MARKDOWN = content -> content.isEmpty() ? List.of()
            : new ParagraphTokenizer().tokenize(content);

    final InMemoryUserRepository users;
    final CountingPasswordHasher hasher = new CountingPasswordHasher();
    final RecordingAuthEvents events;
    final RecordingRevocationListener revocations = new RecordingRevocationListener();
    public final HttpFixture http;

    public IdentityFixture(int authPerMinute, String... trusted) {
        this(authPerMinute, CaptchaGate.DISABLED, trusted);
    }

    /** With the register captcha of SPEC 4.4 (a {@link CaptchaGate#enabled} gate over a fake verifier). */
    public IdentityFixture(int authPerMinute, CaptchaGate captcha, String... trusted) {
        HttpFixture.Builder builder = HttpFixture.builder().trust(trusted).tokenBaselineKey();
        users = builder.users();
        events = builder.authEvents();
        Clock clock = Clock.systemUTC();
        InMemoryUnitOfWork uow = new InMemoryUnitOfWork().enlist(users).enlist(builder.sessions());
        SessionTokens sessionTokens = new SessionTokens(builder.sessions(), new TestIds(), new SequenceRandomSource(),
                builder.tokens());
        IdentityApi api = new IdentityApi(
                new RegisterUserService(users, hasher, uow, new TestIds(), events, clock, captcha),
                new LoginUserService(users, hasher, uow, sessionTokens, new RecordingIpObservationRecorder(),
                        new LocalLoginLockouts(), events,
                        clock),
                new RefreshSessionService(builder.sessions(), users, uow, sessionTokens, revocations, events, clock),
                new LogoutSessionService(builder.sessions(), uow, revocations, events, clock),
                new GetMeService(users, uow),
                new LookupUsersService(users, uow));
        AuthLimiters limiters = new AuthLimiters(limiter("auth_register", authPerMinute, clock),
                limiter("auth_login", authPerMinute, clock), limiter("auth_refresh", authPerMinute, clock),
                limiter("auth_logout", authPerMinute, clock));
        http = builder.routes(new AuthRoutes(api, limiters, builder.bodies(), builder.auth(), MARKDOWN)).start();
    }

    private static RateLimiter limiter(String name, int perMinute, Clock clock) {
        return new RateLimiter(LimitPolicy.slidingWindow(name, perMinute, 60), clock);
    }

    @Override
    public void close() {
        http.close();
    }
}
