package dev.filament.bootstrap.wiring;

import dev.filament.application.shared.RequestBudget;
import dev.filament.application.shared.RequestTimings;
import dev.filament.application.identity.service.AuthenticateRequestService;
import dev.filament.application.identity.port.in.AuthenticateRequestUseCase;
import dev.filament.application.identity.service.CleanupExpiredSessionsService;
import dev.filament.application.identity.port.in.CleanupExpiredSessionsUseCase;
import dev.filament.application.identity.service.GetMeService;
import dev.filament.application.identity.service.LoginUserService;
import dev.filament.application.identity.service.LogoutSessionService;
import dev.filament.application.identity.service.LookupUsersService;
import dev.filament.application.identity.service.RefreshSessionService;
import dev.filament.application.identity.service.RegisterUserService;
import dev.filament.application.identity.service.SessionTokens;
import dev.filament.application.identity.service.TokenKeyProvisioning;
import dev.filament.application.identity.port.out.AuthEvents;
import dev.filament.application.identity.port.out.SessionRevocationListener;
import dev.filament.application.identity.port.out.LoginLockouts;
import dev.filament.application.identity.port.out.TokenService;
import dev.filament.bootstrap.config.ServerConfig;
import dev.filament.crypto.Argon2PasswordHasher;
import dev.filament.crypto.HashingPool;
import dev.filament.crypto.JwtTokenService;
import dev.filament.crypto.SecureRandomSource;
import dev.filament.application.identity.port.out.IpObservationRecorder;
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
import io.micrometer.core.instrument.MeterRegistry;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.identity.LiveSessionCache;
import dev.filament.postgres.identity.PostgresIdentityAdapters;
import dev.filament.application.identity.port.out.UserRepository;
import dev.filament.application.identity.service.CaptchaGate;
import dev.filament.bootstrap.config.ServerConfig;
import dev.filament.hcaptcha.HcaptchaHttpVerifier;
import dev.filament.micrometer.LoggingCaptchaEvents;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accounts, sessions and tokens (SPEC 4): adapters, use cases, the auth routes and the cleanup job. */
public final class IdentityWiring {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityWiring.class);

    private IdentityWiring() {
    }

    /**
     * What the other features use of identity: IP observations (directory joins), the token service and the
     * authentication use case (gateway), the bearer authenticator (every route), the baseline-limiter key (edge), and
     * the use cases behind the auth routes.
     */
    public record Identity(UserRepository users, IpObservationRecorder ipObservations, TokenService tokens,
                           AuthenticateRequestUseCase authenticate, BearerAuthenticator bearer,
                           TokenBaselineKey baselineKey, IdentityApi api, LiveSessionCache liveSessions) {
    }

    /**
     * Builds the identity adapters and use cases and schedules the session cleanup.
     *
     * @param tokenKey    the configured signing key, or empty to use (or create) the stored one
     * @param revocations told about each revoked session (the gateway closes its sockets)
     * @param captcha     the register captcha ({@link #captcha})
     */
    public static Identity create(Optional<byte[]> tokenKey, JooqUnitOfWork unitOfWork, IdGenerator ids, Clock clock,
                                  RequestBudget budget, RequestTimings timings, MeterRegistry meters,
                                  ClientIpResolver clientIps, SessionRevocationListener revocations,
                                  LoginLockouts lockouts, CaptchaGate captcha, Lifecycle lifecycle) {
        PostgresIdentityAdapters adapters = lifecycle.own(PostgresIdentityAdapters.create(
                unitOfWork, clock, clientIps::isTrusted));
        SecureRandomSource random = new SecureRandomSource();
        TokenKey key = new TokenKeyProvisioning(adapters.tokenKeys(), unitOfWork, random)
                .resolve(tokenKey.map(TokenKey::of));
        TokenService tokens = new JwtTokenService(key);
        HashingPool hashing = lifecycle.own(HashingPool.perProcessor(new Argon2PasswordHasher(), budget));
        AuthEvents events = new LoggingAuthEvents(meters);
        SessionTokens sessionTokens = new SessionTokens(adapters.sessions(), ids, random, tokens);
        IdentityApi api = new IdentityApi(
                new RegisterUserService(adapters.users(), hashing, unitOfWork, ids, events, clock, captcha),
                new LoginUserService(adapters.users(), hashing, unitOfWork, sessionTokens, adapters.ipObservations(),
                        lockouts, events, clock),
                new RefreshSessionService(adapters.sessions(), adapters.users(), unitOfWork, sessionTokens,
                        revocations, events, clock),
                new LogoutSessionService(adapters.sessions(), unitOfWork, revocations, events, clock),
                new GetMeService(adapters.users(), unitOfWork),
                new LookupUsersService(adapters.users(), unitOfWork));
        scheduleCleanup(new CleanupExpiredSessionsService(adapters.sessions(), unitOfWork, clock), lifecycle);
        AuthenticateRequestUseCase authenticate = new AuthenticateRequestService(tokens, adapters.sessions(),
                unitOfWork, events, clock);
        return new Identity(adapters.users(), adapters.ipObservations(), tokens, authenticate,
                new BearerAuthenticator(authenticate, timings), new TokenBaselineKey(tokens, clock), api,
                adapters.liveSessions());
    }

    /**
     * SPEC 4.4: captcha on register when site key and secret are configured (verified over HTTP against the verify
     * URL, at most 64 at once, 3 s cut to the budget), else disabled.
     */
    public static CaptchaGate captcha(Optional<ServerConfig.Hcaptcha> hcaptcha, RequestBudget budget,
                                      MeterRegistry meters, Lifecycle lifecycle) {
        return hcaptcha.map(h -> CaptchaGate.enabled(
                        lifecycle.own(new HcaptchaHttpVerifier(h.verifyUrl(), h.siteKey(), h.secret())),
                        new LoggingCaptchaEvents(meters), budget))
                .orElse(CaptchaGate.DISABLED);
    }

    /** The auth routes of SPEC 4 over the identity use cases, with their four limiters. */
    public static AuthRoutes routes(IdentityApi api, BearerAuthenticator bearer, AuthLimiters limiters,
                                    JsonBodies bodies) {
        return new AuthRoutes(api, limiters, bodies, bearer, new CommonmarkTokenizer());
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
