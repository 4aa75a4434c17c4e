package dev.filament.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenKeyTest {

    @Test
    void decodesExactlyThirtyTwoBytesOfBase64() {
        byte[] raw = new byte[32];
        raw[0] = 7;
        assertThat(TokenKey.fromBase64(Base64.getEncoder().encodeToString(raw))).contains(TokenKey.of(raw));
        assertThat(TokenKey.fromBase64(Base64.getEncoder().encodeToString(new byte[31]))).isEmpty();
        assertThat(TokenKey.fromBase64(Base64.getEncoder().encodeToString(new byte[33]))).isEmpty();
        assertThat(TokenKey.fromBase64("not base64!")).isEmpty();
    }

    @Test
    void copiesDefensivelyAndNeverPrintsTheKey() {
        byte[] raw = new byte[32];
        TokenKey key = TokenKey.of(raw);
        raw[0] = 1;
        assertThat(key.bytes()[0]).isZero();
        assertThat(key.toString()).isEqualTo("TokenKey[redacted]");
    }
}
