package dev.filament.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenKeyTest {

    @Test
    void copiesDefensivelyAndNeverPrintsTheKey() {
        byte[] raw = new byte[32];
        TokenKey key = TokenKey.of(raw);
        raw[0] = 1;
        assertThat(key.bytes()[0]).isZero();
        assertThat(key.toString()).isEqualTo("TokenKey[redacted]");
    }
}
