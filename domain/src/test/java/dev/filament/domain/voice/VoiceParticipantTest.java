package dev.filament.domain.voice;

import static dev.filament.domain.voice.StreamSource.CAMERA;
import static dev.filament.domain.voice.StreamSource.MICROPHONE;
import static dev.filament.domain.voice.StreamSource.SCREEN_SHARE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VoiceParticipantTest {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final VoiceIdentity ID = VoiceRoom.of(GuildId.of("01J0000000000000000000000G"),
            ChannelId.of("01J0000000000000000000000C")).identityOf(UserId.of("01J0000000000000000000000A"));

    private static VoiceParticipant joined(StreamSource... sources) {
        return VoiceParticipant.join(ID, VoiceGrant.of(false, sources), T0, T0.plusSeconds(300));
    }

    @Test
    void join_startsUnmutedWithTheGrantedStreamsAndFlags() {
        VoiceParticipant p = joined(SCREEN_SHARE, MICROPHONE);

        assertThat(p.streams()).containsExactly(MICROPHONE, SCREEN_SHARE);
        assertThat(p.screenShareEnabled()).isTrue();
        assertThat(p.videoEnabled()).isFalse();
        assertThat(p.muted() || p.deafened() || p.speaking()).isFalse();
        assertThat(p.joinedAt()).isEqualTo(T0);
        assertThat(p.tokenIssuedAt()).isEqualTo(T0);
        assertThat(p.user()).isEqualTo(ID.user());
    }

    @Test
    void expiry_isReachedAtTheTokenExpiry() {
        VoiceParticipant p = joined(MICROPHONE);

        assertThat(p.isExpiredAt(T0.plusSeconds(299))).isFalse();
        assertThat(p.isExpiredAt(T0.plusSeconds(300))).isTrue();
    }

    @Test
    void regrant_reportsFlagAndStreamDifferences() {
        VoiceParticipant p = joined(MICROPHONE, CAMERA);
        Instant later = T0.plusSeconds(100);

        VoiceParticipant.Regrant r = p.regrant(VoiceGrant.of(true, MICROPHONE, SCREEN_SHARE), later,
                later.plusSeconds(300));

        assertThat(r.published()).containsExactly(SCREEN_SHARE);
        assertThat(r.unpublished()).containsExactly(CAMERA);
        assertThat(r.flags().videoEnabled()).contains(false);
        assertThat(r.flags().screenShareEnabled()).contains(true);
        assertThat(r.flags().muted()).isEmpty();
        assertThat(r.after().streams()).containsExactly(MICROPHONE, SCREEN_SHARE);
        assertThat(r.after().updatedAt()).isEqualTo(later);
        assertThat(r.after().expiresAt()).isEqualTo(later.plusSeconds(300));
        assertThat(r.after().tokenIssuedAt()).isEqualTo(later);
        assertThat(r.after().joinedAt()).isEqualTo(T0);
    }

    @Test
    void regrantWithTheSameGrant_changesOnlyExpiryAndTokenTime() {
        VoiceParticipant p = joined(MICROPHONE);
        Instant later = T0.plusSeconds(100);

        VoiceParticipant.Regrant r = p.regrant(VoiceGrant.of(false, MICROPHONE), later, later.plusSeconds(300));

        assertThat(r.flags().isEmpty()).isTrue();
        assertThat(r.published()).isEmpty();
        assertThat(r.unpublished()).isEmpty();
        assertThat(r.after().updatedAt()).isEqualTo(T0);
        assertThat(r.after().expiresAt()).isEqualTo(later.plusSeconds(300));
        assertThat(r.after().tokenIssuedAt()).isEqualTo(later);
    }

    @Test
    void withState_reportsOnlyChangedFields() {
        VoiceParticipant p = joined(MICROPHONE);
        Instant later = T0.plusSeconds(5);

        VoiceParticipant.StateChange c = p.withState(Optional.of(true), Optional.of(false), later);

        assertThat(c.changed()).isTrue();
        assertThat(c.flags().muted()).contains(true);
        assertThat(c.flags().deafened()).isEmpty();
        assertThat(c.after().muted()).isTrue();
        assertThat(c.after().updatedAt()).isEqualTo(later);
    }

    @Test
    void withState_unchangedValues_returnTheSameParticipant() {
        VoiceParticipant p = joined(MICROPHONE);

        VoiceParticipant.StateChange c = p.withState(Optional.of(false), Optional.empty(), T0.plusSeconds(5));

        assertThat(c.changed()).isFalse();
        assertThat(c.after()).isSameAs(p);
    }
}
