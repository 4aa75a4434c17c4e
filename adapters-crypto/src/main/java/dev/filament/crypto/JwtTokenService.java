package dev.filament.crypto;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.filament.application.identity.port.out.RandomSource;
import dev.filament.application.identity.port.out.TokenService;
import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.Ulid;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.AccessClaims;
import dev.filament.domain.identity.AuthTtl;
import dev.filament.domain.identity.TokenKey;
import dev.filament.domain.identity.Username;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@link TokenService} issuing JWS HS256 access tokens (SPEC 16.1) with java-jwt. The header names the key with
 * {@code kid}; the payload holds exactly {@code sub}, {@code sid}, {@code username}, {@code iat}, {@code exp} and
 * {@code jti} (16 fresh random bytes, base64url: two tokens of one session issued in the same second still differ,
 * SPEC 4.2). The {@code jti} is informational: it is never stored or checked against anything, and a token of the
 * previous format without it is still accepted. Verification accepts only HS256 under our key id, so
 * {@code alg: none}, other algorithms and tokens from another key or format version fail as {@code invalid}. Pure
 * CPU; thread-safe.
 */
public final class JwtTokenService implements TokenService {
    static final String ALGORITHM = "HS256";
    /** Random bytes behind each {@code jti} (SPEC 4.2). */
    static final int JTI_BYTES = 16;
    private static final Set<String> CLAIMS = Set.of("sub", "sid", "username", "iat", "exp");
    private static final Set<String> CLAIMS_WITH_JTI = withJti();
    private static final Pattern JTI = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final Algorithm hmac;
    private final String keyId;
    private final RandomSource random;

    public JwtTokenService(TokenKey key) {
        this(key, new SecureRandomSource());
    }

    public JwtTokenService(TokenKey key, RandomSource random) {
        this.hmac = Algorithm.HMAC256(key.bytes());
        this.keyId = TokenKeyIds.keyId(key);
        this.random = random;
    }

    private static Set<String> withJti() {
        Set<String> all = new HashSet<>(CLAIMS);
        all.add("jti");
        return Set.copyOf(all);
    }

    @Override
    public String issue(AccessClaims claims) {
        String token = JWT.create()
                .withKeyId(keyId)
                .withSubject(claims.sub().value())
                .withClaim("sid", claims.sid().value())
                .withClaim("username", claims.username().value())
                .withIssuedAt(claims.iat())
                .withExpiresAt(claims.exp())
                .withJWTId(Base64.getUrlEncoder().withoutPadding().encodeToString(random.nextBytes(JTI_BYTES)))
                .sign(hmac);
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new IllegalStateException("access token longer than " + MAX_TOKEN_LENGTH + " chars");
        }
        return token;
    }

    @Override
    public AccessClaims verify(String token, Instant now) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            throw invalid();
        }
        DecodedJWT jwt = authentic(token);
        AccessClaims claims = claimsOf(jwt).orElseThrow(JwtTokenService::invalid);
        if (!now.isBefore(claims.exp())) {
            throw new UnauthenticatedException("expired");
        }
        if (claims.iat().isAfter(now.plus(AuthTtl.MAX_ISSUED_AT_SKEW))) {
            throw invalid();
        }
        return claims;
    }

    /** Decodes and checks header and signature; the header is checked first so no other algorithm is ever run. */
    private DecodedJWT authentic(String token) {
        try {
            DecodedJWT jwt = JWT.decode(token);
            boolean headerOk = ALGORITHM.equals(jwt.getAlgorithm()) && keyId.equals(jwt.getKeyId())
                    && (jwt.getType() == null || "JWT".equals(jwt.getType()))
                    && jwt.getHeaderClaim("crit").isMissing();
            if (!headerOk) {
                throw invalid();
            }
            hmac.verify(jwt);
            return jwt;
        } catch (JWTVerificationException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static Optional<AccessClaims> claimsOf(DecodedJWT jwt) {
        Set<String> names = jwt.getClaims().keySet();
        if (!names.equals(CLAIMS) && !(names.equals(CLAIMS_WITH_JTI) && wellFormedJti(jwt.getId()))) {
            return Optional.empty();
        }
        Optional<String> sub = Ulid.parse(jwt.getSubject());
        Optional<String> sid = Ulid.parse(jwt.getClaim("sid").asString());
        Optional<Username> username = Username.parse(jwt.getClaim("username").asString());
        Long iat = jwt.getClaim("iat").asLong();
        Long exp = jwt.getClaim("exp").asLong();
        if (sub.isEmpty() || sid.isEmpty() || username.isEmpty() || iat == null || exp == null || exp <= iat) {
            return Optional.empty();
        }
        return Optional.of(new AccessClaims(new UserId(sub.get()), new SessionId(sid.get()), username.get(),
                Instant.ofEpochSecond(iat), Instant.ofEpochSecond(exp)));
    }

    private static boolean wellFormedJti(String jti) {
        return jti != null && JTI.matcher(jti).matches();
    }

    private static UnauthenticatedException invalid() {
        return new UnauthenticatedException("invalid");
    }

    /** The key id this service writes and accepts (tests and diagnostics). */
    String keyId() {
        return keyId;
    }
}
