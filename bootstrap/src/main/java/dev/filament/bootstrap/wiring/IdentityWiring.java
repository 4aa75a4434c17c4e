package dev.filament.bootstrap.wiring;

import dev.filament.application.budget.RequestBudget;
import dev.filament.application.budget.RequestTimings;
import dev.filament.application.identity.AuthenticateRequestService;
import dev.filament.application.identity.AuthenticateRequestUseCase;
import dev.filament.application.identity.CleanupExpiredSessionsService;
import dev.filament.application.identity.CleanupExpiredSessionsUseCase;
import dev.filament.application.identity.GetMeService;
import dev.filament.application.identity.LoginUserService;
import dev.filament.application.identity.LogoutSessionService;
import dev.filament.application.identity.LookupUsersService;
import dev.filament.application.identity.RefreshSessionService;
import dev.filament.application.identity.RegisterUserService;
import dev.filament.application.identity.SessionTokens;
import dev.filament.application.identity.TokenKeyProvisioning;
import dev.filament.application.identity.port.AuthEvents;
import dev.filament.application.identity.port.SessionRevocationListener;
import dev.filament.application.identity.port.TokenService;
import dev.filament.bootstrap.config.ServerConfig;
import dev.filament.crypto.Argon2PasswordHasher;
import dev.filament.crypto.HashingPool;
import dev.filament.crypto.JwtTokenService;
import dev.filament.crypto.SecureRandomSource;
import dev.filament.domain.id.IdGenerator;
import dev.filament.domain.identity.TokenKey;
import dev.filament.domain.net.ClientIpResolver;
import dev.filament.http.auth.AuthLimiters;
import dev.filament.http.auth.AuthRoutes;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.auth.IdentityApi;
import dev.filament.http.auth.TokenBaselineKey;
import dev.filament.http.json.JsonBodies;
import dev.filament.markdown.CommonmarkTokenizer;
import dev.filament.micrometer.LoggingAuthEvents;
import dev.filament.postgres.identity.PostgresIdentityAdapters;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accounts, sessions and tokens (SPEC 4): adapters, use cases, the auth routes and the cleanup job. */
public final class IdentityWiring {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityWiring.class);

    public final PostgresIdentityAdapters adapters;
    public final TokenService tokens;
    public final AuthenticateRequestUseCase authenticate;
    public final BearerAuthenticator bearer;
    public final TokenBaselineKey baselineKey;
    private final IdentityApi api;

    private IdentityWiring(PostgresIdentityAdapters adapters, TokenService tokens, AuthenticateRequestUseCase authenticate,
                           IdentityApi api, Clock clock, RequestTimings timings) {
        this.adapters = adapters;
        this.tokens = tokens;
        this.authenticate = authenticate;
        this.bearer = new BearerAuthenticator(authenticate, timings);
        this.baselineKey = new TokenBaselineKey(tokens, clock);
        this.api = api;
    }

    /** Dependencies the identity feature takes from the rest of the wiring. */
    public record Needs(ServerConfig config, DatabaseWiring database, Clock clock, IdGenerator ids,
                        RequestBudget budget, RequestTimings timings, MeterRegistry meters, ClientIpResolver clientIps,
                        SessionRevocationListener revocations, Lifecycle lifecycle) {
    }

    public static IdentityWiring create(Needs n) {
        PostgresIdentityAdapters adapters = n.lifecycle().own(PostgresIdentityAdapters.create(
                n.database().unitOfWork, n.clock(), n.clientIps()::isTrusted));
        var uow = n.database().unitOfWork;
        SecureRandomSource random = new SecureRandomSource();
        TokenKey key = new TokenKeyProvisioning(adapters.tokenKeys(), uow, random)
                .resolve(n.config().tokenKey().map(TokenKey::of));
        TokenService tokens = new JwtTokenService(key);
        HashingPool hashing = n.lifecycle().own(HashingPool.perProcessor(new Argon2PasswordHasher(), n.budget()));
        AuthEvents events = new LoggingAuthEvents(n.meters());
        SessionTokens sessionTokens = new SessionTokens(adapters.sessions(), n.ids(), random, tokens);
        IdentityApi api = new IdentityApi(
                new RegisterUserService(adapters.users(), hashing, uow, n.ids(), events, n.clock()),
                new LoginUserService(adapters.users(), hashing, uow, sessionTokens, adapters.ipObservations(), events,
                        n.clock()),
                new RefreshSessionService(adapters.sessions(), adapters.users(), uow, sessionTokens, n.revocations(),
                        events, n.clock()),
                new LogoutSessionService(adapters.sessions(), uow, n.revocations(), events, n.clock()),
                new GetMeService(),
                new LookupUsersService(adapters.users(), uow));
        scheduleCleanup(new CleanupExpiredSessionsService(adapters.sessions(), uow, n.clock()), n.lifecycle());
        return new IdentityWiring(adapters, tokens,
                new AuthenticateRequestService(tokens, adapters.sessions(), uow, events, n.clock()), api, n.clock(),
                n.timings());
    }

    public AuthRoutes routes(Limiters limiters, JsonBodies bodies) {
        return new AuthRoutes(api, new AuthLimiters(limiters.authRegister, limiters.authLogin, limiters.authRefresh,
                limiters.authLogout), bodies, bearer, new CommonmarkTokenizer());
    }

    /** SPEC 4.2: every 10 minutes, off every request path. */
    private static void scheduleCleanup(CleanupExpiredSessionsUseCase cleanup, Lifecycle lifecycle) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "session-cleanup");
            t.setDaemon(true);
            return t;
        });
        lifecycle.own(timer::shutdownNow);
        long every = CleanupExpiredSessionsUseCase.INTERVAL.toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                var result = cleanup.cleanup();
                LOG.atInfo().addKeyValue("event", "auth.cleanup").addKeyValue("sessions", result.sessionsDeleted())
                        .addKeyValue("used_tokens", result.usedTokensDeleted()).log("expired sessions removed");
            } catch (RuntimeException e) {
                LOG.atWarn().addKeyValue("event", "auth.cleanup").setCause(e).log("session cleanup failed");
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }
}
