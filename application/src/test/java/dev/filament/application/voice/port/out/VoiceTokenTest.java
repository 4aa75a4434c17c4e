package dev.filament.application.voice.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.domain.error.UnavailableException;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.Username;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VoiceTokenTest {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void lifetimeOfExactly300Seconds_isAccepted_andReportedAsExpiresIn() {
        VoiceToken token = new VoiceToken("t", "ws://x", T0, T0.plusSeconds(300));

        assertThat(token.expiresInSecs()).isEqualTo(300);
        assertThat(token.toString()).doesNotContain("=t,").contains("<redacted>");
    }

    @Test
    void lifetimeLongerThan300Seconds_orNotPositive_isRejected() {
        assertThatThrownBy(() -> new VoiceToken("t", "ws://x", T0, T0.plusSeconds(301)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VoiceToken("t", "ws://x", T0, T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unconfiguredIssuer_saysSo_andMintingIsVoiceUnavailable() {
        VoiceTokenIssuer issuer = VoiceTokenIssuer.UNCONFIGURED;

        assertThat(issuer.configured()).isFalse();
        assertThatThrownBy(() -> issuer.issue(VoiceRoom.of(GuildId.of("01J0000000000000000000000G"),
                        ChannelId.of("01J0000000000000000000000C")).identityOf(UserId.of("01J0000000000000000000000A")),
                new Username("alice"), VoiceGrant.of(true), T0))
                .isInstanceOf(UnavailableException.class)
                .extracting(e -> ((UnavailableException) e).code()).isEqualTo("voice_unavailable");
    }
}
