package dev.filament.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.id.SessionId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefreshTokenTest {
    private static final SessionId SID = SessionId.of("01HZX3KQ7W2B9E5V8N4M6P0RST");

    @Test
    void issuedTokenIsSessionIdDotFortyThreeBase64UrlChars() {
        byte[] random = new byte[32];
        Arrays.fill(random, (byte) 0xFB);
        RefreshToken token = RefreshToken.issue(SID, random);
        assertThat(token.value()).matches("01HZX3KQ7W2B9E5V8N4M6P0RST\\.[A-Za-z0-9_-]{43}");
        assertThat(token.value()).contains("-").contains("_"); // URL alphabet, not + and /
        assertThat(RefreshToken.parse(token.value())).contains(token);
    }

    @Test
    void hashIsSha256OfTheWholeString() throws Exception {
        RefreshToken token = RefreshToken.issue(SID, new byte[32]);
        byte[] expected = MessageDigest.getInstance("SHA-256")
                .digest(token.value().getBytes(StandardCharsets.UTF_8));
        assertThat(token.hash().bytes()).isEqualTo(expected);
        assertThat(token.hash()).isEqualTo(RefreshToken.parse(token.value()).orElseThrow().hash());
    }

    @Test
    void differentSecretsGiveDifferentHashes() {
        byte[] other = new byte[32];
        other[31] = 1;
        assertThat(RefreshToken.issue(SID, new byte[32]).hash())
                .isNotEqualTo(RefreshToken.issue(SID, other).hash());
    }

    @Test
    void parseNormalisesThePrefixButHashesTheStringAsSent() {
        String upper = RefreshToken.issue(SID, new byte[32]).value();
        String lower = upper.substring(0, 26).toLowerCase() + upper.substring(26);
        RefreshToken parsed = RefreshToken.parse(lower).orElseThrow();
        assertThat(parsed.sessionId()).isEqualTo(SID);
        assertThat(parsed.hash()).isNotEqualTo(RefreshToken.parse(upper).orElseThrow().hash());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "01HZX3KQ7W2B9E5V8N4M6P0RST", "01HZX3KQ7W2B9E5V8N4M6P0RST.",
            "01HZX3KQ7W2B9E5V8N4M6P0RST.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "01HZX3KQ7W2B9E5V8N4M6P0RST.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "01HZX3KQ7W2B9E5V8N4M6P0RST.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",
            "01HZX3KQ7W2B9E5V8N4M6P0RST.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "81HZX3KQ7W2B9E5V8N4M6P0RST.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "01HZX3KQ7W2B9E5V8N4M6P0RS.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "01HZX3KQ7W2B9E5V8N4M6P0RST.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.A"})
    void rejectsMalformedTokens(String raw) {
        assertThat(RefreshToken.parse(raw)).isEmpty();
    }

    @Test
    void rejectsNullAndOverlongInput() {
        assertThat(RefreshToken.parse(null)).isEmpty();
        assertThat(RefreshToken.parse("0".repeat(513))).isEmpty();
    }

    @Test
    void toStringHidesTheSecret() {
        RefreshToken token = RefreshToken.issue(SID, new byte[32]);
        assertThat(token.toString()).doesNotContain(token.value().substring(27));
    }
}
