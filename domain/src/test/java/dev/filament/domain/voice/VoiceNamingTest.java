package dev.filament.domain.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VoiceNamingTest {
    private static final GuildId G = GuildId.of("01J0000000000000000000000G");
    private static final ChannelId C = ChannelId.of("01J0000000000000000000000C");
    private static final UserId U = UserId.of("01J0000000000000000000000A");

    @Test
    void roomAndIdentity_haveTheSpecShapes() {
        VoiceRoom room = VoiceRoom.of(G, C);

        assertThat(room.name()).isEqualTo("filament.voice.01J0000000000000000000000G.01J0000000000000000000000C");
        assertThat(room.identityOf(U).value())
                .isEqualTo("u.01J0000000000000000000000A.01J0000000000000000000000G.01J0000000000000000000000C");
        assertThat(room.identityOf(U).room()).isEqualTo(room);
        assertThat(room.name()).hasSizeLessThanOrEqualTo(128).matches("[A-Za-z0-9_.-]+");
        assertThat(room.identityOf(U).value()).hasSizeLessThanOrEqualTo(128).matches("[A-Za-z0-9_.-]+");
    }

    @Test
    void namesRoundTripThroughParse() {
        VoiceRoom room = VoiceRoom.of(G, C);
        VoiceIdentity identity = room.identityOf(U);

        assertThat(VoiceRoom.parse(room.name())).contains(room);
        assertThat(VoiceIdentity.parse(identity.value())).contains(identity);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "other-room", "filament.voice.", "filament.voice.01J0000000000000000000000G",
            "filament.voice.01j0000000000000000000000g.01J0000000000000000000000C",
            "filament.voice.01J0000000000000000000000G.01J0000000000000000000000C.x",
            "filament.voice.01J0000000000000000000000G.01J0000000000000000000000C extra"})
    void foreignRoomNames_areNotOurs(String name) {
        assertThat(VoiceRoom.parse(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "u.", "alice", "u.01J0000000000000000000000A.01J0000000000000000000000G",
            "x.01J0000000000000000000000A.01J0000000000000000000000G.01J0000000000000000000000C",
            "u.01J0000000000000000000000A.01J0000000000000000000000G.01J0000000000000000000000C.",
            "u.81J0000000000000000000000A.01J0000000000000000000000G.01J0000000000000000000000C"})
    void foreignIdentities_areNotOurs(String value) {
        assertThat(VoiceIdentity.parse(value)).isEmpty();
    }

    @Test
    void nameShape_rejectsTooLongAndForeignCharacters() {
        assertThat(VoiceNames.isValid("a".repeat(128))).isTrue();
        assertThat(VoiceNames.isValid("a".repeat(129))).isFalse();
        assertThat(VoiceNames.isValid("a b")).isFalse();
        assertThat(VoiceNames.isValid("a/b")).isFalse();
        assertThat(VoiceNames.isValid(null)).isFalse();
        assertThat(VoiceNames.isValid("A-z_0.9")).isTrue();
    }
}
