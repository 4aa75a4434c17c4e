package dev.filament.http.gateway;

import dev.filament.application.identity.port.in.AuthenticateRequestUseCase;
import dev.filament.application.identity.port.in.AuthenticateRequestUseCase.AuthenticateRequestCommand.WithToken;
import dev.filament.application.identity.port.in.AuthenticateRequestUseCase.AuthenticateRequestCommand.WithVerifiedClaims;
import dev.filament.application.identity.port.in.AuthenticatedUser;
import dev.filament.application.identity.port.out.TokenService;
import dev.filament.domain.error.FilamentException;
import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.domain.identity.AccessClaims;
import dev.filament.domain.net.ClientIp;
import java.time.Clock;

/**
 * Authenticates the gateway (SPEC 4.2, 9.1, 9.10) through the same use case as every REST route: the upgrade with
 * the raw token, then periodic re-checks of the session with the claims verified at upgrade time.
 */
public final class GatewayAuthenticator {
    private final AuthenticateRequestUseCase authenticate;
    private final TokenService tokens;
    private final Clock clock;

    public GatewayAuthenticator(AuthenticateRequestUseCase authenticate, TokenService tokens, Clock clock) {
        this.authenticate = authenticate;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * One token verification (none when the edge already verified this very token for the baseline key) and one
     * live-session lookup. A token that does not verify goes through the use case with the raw token, so the rejection
     * is logged and counted like on REST routes.
     *
     * @param verified the claims the edge verified for {@code token}, or null
     * @throws dev.filament.domain.error.UnauthenticatedException for a missing, invalid or expired token or a dead session
     */
    GatewayAdmission admit(String token, AccessClaims verified, ClientIp clientIp) {
        AccessClaims claims = verified != null ? verified : verifyOrReject(token, clientIp);
        AuthenticatedUser user = authenticate.authenticate(new WithVerifiedClaims(claims, clientIp));
        return new GatewayAdmission(user, claims, clientIp);
    }

    private AccessClaims verifyOrReject(String token, ClientIp clientIp) {
        if (token != null && !token.isEmpty()) {
            try {
                return tokens.verify(token, clock.instant());
            } catch (FilamentException rejected) {
                // fall through: the use case rejects it again, with the reason logged and counted
            }
        }
        authenticate.authenticate(new WithToken(token, clientIp));
        throw new UnauthenticatedException("invalid"); // unreachable while both read the same token service
    }

    /**
     * Whether the admission's session is still live (one indexed lookup).
     *
     * @throws dev.filament.domain.error.UnauthenticatedException when the session was revoked or expired
     */
    void recheck(GatewayAdmission admission) {
        authenticate.authenticate(new WithVerifiedClaims(admission.claims(), admission.clientIp()));
    }
}
