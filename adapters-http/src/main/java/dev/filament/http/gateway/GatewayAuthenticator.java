package dev.filament.http.gateway;

import dev.filament.application.identity.AuthenticateRequestUseCase;
import dev.filament.application.identity.AuthenticateRequestUseCase.AuthenticateRequestCommand.WithToken;
import dev.filament.application.identity.AuthenticateRequestUseCase.AuthenticateRequestCommand.WithVerifiedClaims;
import dev.filament.application.identity.AuthenticatedUser;
import dev.filament.application.identity.port.TokenService;
import dev.filament.domain.identity.AccessClaims;
import dev.filament.domain.net.ClientIp;
import java.time.Clock;

/**
 * Authenticates the gateway (SPEC 4.2, 9.1, 9.10) through the same use case as every REST route: the upgrade with
 * the raw token, then periodic re-checks of the session with the claims verified at upgrade time.
 */
final class GatewayAuthenticator {
    private final AuthenticateRequestUseCase authenticate;
    private final TokenService tokens;
    private final Clock clock;

    GatewayAuthenticator(AuthenticateRequestUseCase authenticate, TokenService tokens, Clock clock) {
        this.authenticate = authenticate;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * Token check and live-session lookup; the claims are read again afterwards only for their expiry (a pure CPU
     * check of microseconds), so rejections are logged and counted by the use case like on REST routes.
     *
     * @throws dev.filament.domain.error.UnauthenticatedException for a missing, invalid or expired token or a dead session
     */
    GatewayAdmission admit(String token, ClientIp clientIp) {
        AuthenticatedUser user = authenticate.authenticate(new WithToken(token, clientIp));
        AccessClaims claims = tokens.verify(token, clock.instant());
        return new GatewayAdmission(user, claims, clientIp);
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
