package dev.filament.application.identity.fakes;

import dev.filament.application.identity.port.out.TokenService;
import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.domain.identity.AccessClaims;
import dev.filament.domain.identity.AuthTtl;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Fake {@link TokenService}: tokens are opaque handles to remembered claims; same time rules as the real one. */
public final class InMemoryTokenService implements TokenService {
    private final Map<String, AccessClaims> issued = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();

    @Override
    public String issue(AccessClaims claims) {
        String token = "fake-access-" + counter.incrementAndGet();
        issued.put(token, claims);
        return token;
    }

    @Override
    public AccessClaims verify(String token, Instant now) {
        AccessClaims claims = token == null ? null : issued.get(token);
        if (claims == null || claims.iat().isAfter(now.plus(AuthTtl.MAX_ISSUED_AT_SKEW))) {
            throw new UnauthenticatedException("invalid");
        }
        if (!now.isBefore(claims.exp())) {
            throw new UnauthenticatedException("expired");
        }
        return claims;
    }

    /** The claims behind an issued token (test inspection). */
    public AccessClaims claimsOf(String token) {
        return issued.get(token);
    }
}
