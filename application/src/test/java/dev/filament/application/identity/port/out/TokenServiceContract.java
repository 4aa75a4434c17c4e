package dev.filament.application.identity.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.AccessClaims;
import dev.filament.domain.identity.Username;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TokenService} keeps: round trip, expiry at exp, a 60 s iat skew, unknown tokens refused, and a
 * distinct token for every issue, even of identical claims in the same second (SPEC 4.2 {@code jti}).
 */
public abstract class TokenServiceContract {
    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    protected abstract TokenService tokens();

    private static AccessClaims claims(Instant at) {
        return AccessClaims.issue(UserId.of("01ARZ3NDEKTSV4RRFFQ69G5FAV"), SessionId.of("01ARZ3NDEKTSV4RRFFQ69G5FAW"),
                new Username("alice"), at);
    }

    @Test
    void anIssuedTokenVerifiesToItsClaimsUntilExp() {
        AccessClaims c = claims(NOW);
        String token = tokens().issue(c);
        assertThat(token.length()).isLessThanOrEqualTo(TokenService.MAX_TOKEN_LENGTH);
        assertThat(tokens().verify(token, NOW.plusSeconds(899))).isEqualTo(c);
        assertThatThrownBy(() -> tokens().verify(token, c.exp()))
                .isInstanceOfSatisfying(UnauthenticatedException.class, e -> assertThat(e.reason()).isEqualTo("expired"));
    }

    @Test
    void aTokenIssuedTooFarInTheFutureIsRefused() {
        String token = tokens().issue(claims(NOW.plus(Duration.ofSeconds(61))));
        assertThatThrownBy(() -> tokens().verify(token, NOW)).isInstanceOf(UnauthenticatedException.class);
        String withinSkew = tokens().issue(claims(NOW.plus(Duration.ofSeconds(59))));
        assertThat(tokens().verify(withinSkew, NOW)).isNotNull();
    }

    @Test
    void identicalClaimsIssuedTwiceInTheSameSecondGiveDistinctTokensThatBothVerify() {
        AccessClaims c = claims(NOW);
        java.util.Set<String> issued = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) {
            String token = tokens().issue(c);
            assertThat(issued.add(token)).as("token %d repeats an earlier one", i).isTrue();
            assertThat(tokens().verify(token, NOW)).isEqualTo(c);
        }
    }

    @Test
    void unknownOrMangledTokensAreRefused() {
        String token = tokens().issue(claims(NOW));
        for (String bad : new String[] {"", "garbage", token + "x", token.substring(0, token.length() - 1)}) {
            assertThatThrownBy(() -> tokens().verify(bad, NOW)).as(bad).isInstanceOf(UnauthenticatedException.class);
        }
    }
}
