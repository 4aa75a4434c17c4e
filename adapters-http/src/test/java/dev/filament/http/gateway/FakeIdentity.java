package dev.filament.http.gateway;

import dev.filament.application.identity.port.in.AuthenticateRequestUseCase;
import dev.filament.application.identity.port.in.AuthenticatedUser;
import dev.filament.application.identity.port.out.TokenService;
import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.AccessClaims;
import dev.filament.domain.identity.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Tokens and sessions for gateway tests: opaque tokens mapped to claims, sessions revocable at will. */
final class FakeIdentity implements AuthenticateRequestUseCase, TokenService {
    private final Map<String, AccessClaims> tokens = new ConcurrentHashMap<>();
    private final Set<SessionId> revoked = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();
    final AtomicInteger sessionLookups = new AtomicInteger();
    private final Map<String, AtomicInteger> verifications = new ConcurrentHashMap<>();

    /** A token for a new session of {@code user}, valid for {@code ttl}. */
    String tokenFor(UserId user, Duration ttl) {
        Instant now = Instant.now();
        AccessClaims claims = new AccessClaims(user, new SessionId(TestIds.ulid()), new Username("user_" + counter.get()),
                now.minusSeconds(1), now.plus(ttl));
        String token = "tok-" + counter.incrementAndGet();
        tokens.put(token, claims);
        return token;
    }

    /** How often {@code token} went through signature/expiry verification. */
    int verificationsOf(String token) {
        AtomicInteger n = verifications.get(token);
        return n == null ? 0 : n.get();
    }

    void revoke(String token) {
        revoked.add(tokens.get(token).sid());
    }

    @Override
    public AuthenticatedUser authenticate(AuthenticateRequestCommand command) {
        AccessClaims claims = switch (command) {
            case AuthenticateRequestCommand.WithToken t -> verify(t.accessToken(), Instant.now());
            case AuthenticateRequestCommand.WithVerifiedClaims v -> v.claims();
        };
        sessionLookups.incrementAndGet();
        if (revoked.contains(claims.sid())) {
            throw new UnauthenticatedException("session_dead");
        }
        return new AuthenticatedUser(claims.sub(), claims.sid(), claims.username());
    }

    @Override
    public String issue(AccessClaims claims) {
        throw new UnsupportedOperationException("not used by the gateway");
    }

    @Override
    public AccessClaims verify(String token, Instant now) {
        if (token != null) {
            verifications.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
        }
        AccessClaims claims = token == null ? null : tokens.get(token);
        if (claims == null) {
            throw new UnauthenticatedException("invalid");
        }
        if (!now.isBefore(claims.exp())) {
            throw new UnauthenticatedException("expired");
        }
        return claims;
    }
}
