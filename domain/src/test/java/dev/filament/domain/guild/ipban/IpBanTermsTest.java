package dev.filament.domain.guild.ipban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.domain.error.InvalidRequestException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code reason} (not blank, ≤ 240 bytes) and {@code expires_in_secs} (1..15552000) of SPEC 6.6. */
class IpBanTermsTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest
    @ValueSource(longs = {1, 15_552_000})
    void expiryBoundariesAreAccepted(long secs) {
        IpBanTerms terms = new IpBanTerms(Optional.empty(), OptionalLong.of(secs));

        assertThat(terms.expiresAt(NOW)).contains(NOW.plusSeconds(secs));
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, -1, 0, 15_552_001})
    void expiryOutsideBoundsIs400(long secs) {
        assertThatThrownBy(() -> new IpBanTerms(Optional.empty(), OptionalLong.of(secs)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void reasonUpTo240BytesIsKept_andAbsentReasonIsStoredEmpty() {
        String twoForty = "é".repeat(120);

        assertThat(new IpBanTerms(Optional.of(twoForty), OptionalLong.empty()).storedReason()).isEqualTo(twoForty);
        assertThat(new IpBanTerms(Optional.empty(), OptionalLong.empty()).storedReason()).isEmpty();
        assertThat(new IpBanTerms(Optional.empty(), OptionalLong.empty()).expiresAt(NOW)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n", "a\u0000b"})
    void blankOrNulReasonIs400(String reason) {
        assertThatThrownBy(() -> new IpBanTerms(Optional.of(reason), OptionalLong.empty()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void reasonOf241BytesIs400() {
        assertThatThrownBy(() -> new IpBanTerms(Optional.of("é".repeat(120) + "a"), OptionalLong.empty()))
                .isInstanceOf(InvalidRequestException.class);
    }
}
