package dev.filament.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.AccessClaims;
import dev.filament.domain.identity.TokenKey;
import dev.filament.domain.identity.Username;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtTokenServiceTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final UserId USER = UserId.of("01HZX3KQ7W2B9E5V8N4M6P0RSA");
    private static final SessionId SESSION = SessionId.of("01HZX3KQ7W2B9E5V8N4M6P0RST");
    private static final byte[] KEY_BYTES = key(1);

    private final JwtTokenService service = new JwtTokenService(TokenKey.of(KEY_BYTES));
    private final AccessClaims claims = AccessClaims.issue(USER, SESSION, new Username("Alice"), NOW);

    private static byte[] key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private void rejected(String token, Instant at, String reason) {
        assertThatThrownBy(() -> service.verify(token, at)).isInstanceOfSatisfying(UnauthenticatedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void issuedTokenVerifiesBackToTheSameClaims() {
        assertThat(service.verify(service.issue(claims), NOW)).isEqualTo(claims);
        assertThat(new JwtTokenService(TokenKey.of(KEY_BYTES)).verify(service.issue(claims), NOW))
                .as("any process sharing the key verifies it").isEqualTo(claims);
    }

    @Test
    void tokenIsHs256WithKidAndExactlyTheSixClaims() {
        DecodedJWT jwt = JWT.decode(service.issue(claims));
        assertThat(jwt.getAlgorithm()).isEqualTo("HS256");
        assertThat(jwt.getKeyId()).isEqualTo(service.keyId()).startsWith("v1.");
        assertThat(jwt.getClaims().keySet()).containsExactlyInAnyOrder("sub", "sid", "username", "iat", "exp", "jti");
        assertThat(jwt.getClaim("exp").asLong() - jwt.getClaim("iat").asLong()).isEqualTo(900);
    }

    @Test
    void twoTokensOfTheSameSessionIssuedInTheSameSecondDifferByA16ByteJti() {
        DecodedJWT first = JWT.decode(service.issue(claims));
        DecodedJWT second = JWT.decode(service.issue(claims));
        assertThat(first.getToken()).isNotEqualTo(second.getToken());
        assertThat(first.getIssuedAtAsInstant()).isEqualTo(second.getIssuedAtAsInstant());
        assertThat(first.getId()).isNotEqualTo(second.getId());
        for (DecodedJWT jwt : new DecodedJWT[] {first, second}) {
            assertThat(jwt.getId()).matches("[A-Za-z0-9_-]{22}");
            assertThat(Base64.getUrlDecoder().decode(jwt.getId())).hasSize(16);
            assertThat(service.verify(jwt.getToken(), NOW)).isEqualTo(claims);
        }
    }

    @Test
    void theJtiComesFromTheRandomSource() {
        byte[] fixed = new byte[16];
        Arrays.fill(fixed, (byte) 0xfb);
        JwtTokenService seeded = new JwtTokenService(TokenKey.of(KEY_BYTES), n -> fixed.clone());
        assertThat(JWT.decode(seeded.issue(claims)).getId())
                .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(fixed));
    }

    @Test
    void aTokenOfThePreviousFormatWithoutJtiStillVerifies() {
        String legacy = JWT.create().withKeyId(service.keyId()).withSubject(USER.value())
                .withClaim("sid", SESSION.value()).withClaim("username", "Alice")
                .withIssuedAt(NOW).withExpiresAt(NOW.plusSeconds(900)).sign(Algorithm.HMAC256(KEY_BYTES));
        assertThat(service.verify(legacy, NOW)).isEqualTo(claims);
    }

    @Test
    void aMalformedJtiIsInvalid() {
        for (Object jti : new Object[] {"short", "x".repeat(23), "+".repeat(22), 42}) {
            var builder = JWT.create().withKeyId(service.keyId()).withSubject(USER.value())
                    .withClaim("sid", SESSION.value()).withClaim("username", "Alice")
                    .withIssuedAt(NOW).withExpiresAt(NOW.plusSeconds(900));
            builder = jti instanceof String s ? builder.withJWTId(s) : builder.withClaim("jti", (Integer) jti);
            rejected(builder.sign(Algorithm.HMAC256(KEY_BYTES)), NOW, "invalid");
        }
    }

    @Test
    void longestPossibleTokenStaysWithin1024Chars() {
        AccessClaims longest = AccessClaims.issue(USER, SESSION, new Username("u".repeat(32)), NOW);
        assertThat(service.issue(longest)).hasSizeLessThanOrEqualTo(1024);
    }

    @Test
    void tamperedPayloadIsInvalid() {
        String[] parts = service.issue(claims).split("\\.");
        String forged = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("Alice", "Mallory");
        rejected(parts[0] + "." + b64(forged) + "." + parts[2], NOW, "invalid");
    }

    @Test
    void tamperedSignatureIsInvalid() {
        String token = service.issue(claims);
        char last = token.charAt(token.length() - 5);
        rejected(token.substring(0, token.length() - 5) + (last == 'A' ? 'B' : 'A') + token.substring(token.length() - 4),
                NOW, "invalid");
    }

    @Test
    void tokenIsExpiredFromItsExpOnward() {
        String token = service.issue(claims);
        assertThat(service.verify(token, claims.exp().minusSeconds(1))).isEqualTo(claims);
        rejected(token, claims.exp(), "expired");
    }

    @Test
    void issuedAtMayLieAtMostSixtySecondsInTheFuture() {
        String token = service.issue(claims);
        assertThat(service.verify(token, NOW.minusSeconds(60))).isEqualTo(claims);
        rejected(token, NOW.minusSeconds(61), "invalid");
    }

    @Test
    void algNoneIsInvalid() {
        String payload = service.issue(claims).split("\\.")[1];
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + service.keyId() + "\"}");
        rejected(header + "." + payload + ".", NOW, "invalid");
        String libraryNone = JWT.create().withKeyId(service.keyId()).withSubject(USER.value())
                .withClaim("sid", SESSION.value()).withClaim("username", "Alice")
                .withIssuedAt(NOW).withExpiresAt(NOW.plusSeconds(900)).sign(Algorithm.none());
        rejected(libraryNone, NOW, "invalid");
    }

    @Test
    void otherAlgorithmWithTheSameKeyIsInvalid() {
        String hs512 = JWT.create().withKeyId(service.keyId()).withSubject(USER.value())
                .withClaim("sid", SESSION.value()).withClaim("username", "Alice")
                .withIssuedAt(NOW).withExpiresAt(NOW.plusSeconds(900)).sign(Algorithm.HMAC512(KEY_BYTES));
        rejected(hs512, NOW, "invalid");
    }

    @Test
    void tokenSignedWithAnotherKeyIsInvalidEvenUnderOurKid() {
        JwtTokenService other = new JwtTokenService(TokenKey.of(key(2)));
        rejected(other.issue(claims), NOW, "invalid");
        String forgedKid = JWT.create().withKeyId(service.keyId()).withSubject(USER.value())
                .withClaim("sid", SESSION.value()).withClaim("username", "Alice")
                .withIssuedAt(NOW).withExpiresAt(NOW.plusSeconds(900)).sign(Algorithm.HMAC256(key(2)));
        rejected(forgedKid, NOW, "invalid");
    }

    @Test
    void unknownKeyIdOrVersionIsInvalid() {
        String v2 = JWT.create().withKeyId("v2.whatever").withSubject(USER.value())
                .withClaim("sid", SESSION.value()).withClaim("username", "Alice")
                .withIssuedAt(NOW).withExpiresAt(NOW.plusSeconds(900)).sign(Algorithm.HMAC256(KEY_BYTES));
        rejected(v2, NOW, "invalid");
    }

    @Test
    void extraOrMissingClaimsAreInvalid() {
        String extra = JWT.create().withKeyId(service.keyId()).withSubject(USER.value())
                .withClaim("sid", SESSION.value()).withClaim("username", "Alice").withClaim("admin", true)
                .withIssuedAt(NOW).withExpiresAt(NOW.plusSeconds(900)).sign(Algorithm.HMAC256(KEY_BYTES));
        rejected(extra, NOW, "invalid");
        String missing = JWT.create().withKeyId(service.keyId()).withSubject(USER.value())
                .withClaim("username", "Alice")
                .withIssuedAt(NOW).withExpiresAt(NOW.plusSeconds(900)).sign(Algorithm.HMAC256(KEY_BYTES));
        rejected(missing, NOW, "invalid");
        String badSub = JWT.create().withKeyId(service.keyId()).withSubject("not-a-ulid")
                .withClaim("sid", SESSION.value()).withClaim("username", "Alice")
                .withIssuedAt(NOW).withExpiresAt(NOW.plusSeconds(900)).sign(Algorithm.HMAC256(KEY_BYTES));
        rejected(badSub, NOW, "invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "a.b.c", "a.b", "....", "eyJhbGciOiJIUzI1NiJ9.e30."})
    void garbageIsInvalid(String token) {
        rejected(token, NOW, "invalid");
    }

    @Test
    void overlongOrMissingTokenIsInvalidWithoutParsing() {
        rejected(null, NOW, "invalid");
        rejected(service.issue(claims) + "x".repeat(1024), NOW, "invalid");
    }
}
