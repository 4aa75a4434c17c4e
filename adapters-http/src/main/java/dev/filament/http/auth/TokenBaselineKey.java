package dev.filament.http.auth;

import dev.filament.application.identity.port.out.TokenService;
import dev.filament.domain.error.FilamentException;
import dev.filament.domain.identity.AccessClaims;
import dev.filament.http.RequestAttributes;
import dev.filament.http.edge.BaselineKey;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;

/**
 * Baseline limiter key from a token whose signature and expiry verify, without the database (SPEC 2.3). The verified
 * claims are kept on the request so authentication does not verify them again.
 */
public final class TokenBaselineKey implements BaselineKey {
    private final TokenService tokens;
    private final Clock clock;

    public TokenBaselineKey(TokenService tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Optional<String> verifiedUserId(Context ctx) {
        Optional<String> token = BearerTokens.of(ctx);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            AccessClaims claims = tokens.verify(token.get(), clock.instant());
            RequestAttributes.setVerifiedBearer(ctx, claims);
            return Optional.of(claims.sub().value());
        } catch (FilamentException rejected) {
            return Optional.empty(); // keyed by IP; authentication answers 401 and logs the reason
        }
    }
}
