package dev.filament.http.auth;

import dev.filament.application.shared.RequestTimings;
import dev.filament.application.identity.port.in.AuthenticateRequestUseCase;
import dev.filament.application.identity.port.in.AuthenticateRequestUseCase.AuthenticateRequestCommand;
import dev.filament.application.identity.port.in.AuthenticatedUser;
import dev.filament.domain.identity.AccessClaims;
import dev.filament.domain.net.ClientIp;
import dev.filament.http.RequestAttributes;
import io.javalin.http.Context;

/** Route step 2 (SPEC 1.10): authenticates the bearer of a request, reusing claims the baseline limiter verified. */
public final class BearerAuthenticator {
    private final AuthenticateRequestUseCase authenticate;
    private final RequestTimings timings;

    public BearerAuthenticator(AuthenticateRequestUseCase authenticate) {
        this(authenticate, new RequestTimings());
    }

    public BearerAuthenticator(AuthenticateRequestUseCase authenticate, RequestTimings timings) {
        this.authenticate = authenticate;
        this.timings = timings;
    }

    /** The caller, or {@link dev.filament.domain.error.UnauthenticatedException} (401). */
    public AuthenticatedUser authenticate(Context ctx) {
        ClientIp ip = RequestAttributes.clientIp(ctx);
        AccessClaims verified = RequestAttributes.verifiedBearerOrNull(ctx);
        AuthenticateRequestCommand command = verified != null
                ? new AuthenticateRequestCommand.WithVerifiedClaims(verified, ip)
                : new AuthenticateRequestCommand.WithToken(BearerTokens.of(ctx).orElse(""), ip);
        AuthenticatedUser user = timings.time(RequestTimings.Phase.AUTH, () -> authenticate.authenticate(command));
        RequestAttributes.setUserId(ctx, user.userId().value());
        return user;
    }
}
