package dev.filament.domain.guild.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.domain.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Role names, colours and custom positions of SPEC 5.6 at their boundaries. */
class RoleValuesTest {

    static String[] validRoleNames() {
        return new String[] {
            "a",
            "x".repeat(32),                                 // 32 bytes
            "é".repeat(16),                                 // 2-byte chars: 32 bytes
            "€".repeat(10) + "ab",                          // 3-byte chars: 30 + 2 = 32 bytes
            "😀".repeat(8),                                 // 4-byte chars: 32 bytes
            "  " + "x".repeat(32) + "\t",                   // 32 bytes after trimming
            "everyone", "member", "moderator", "@everyone!", "workspace-owner", "owner",
            "with inner  spaces",
        };
    }

    @ParameterizedTest
    @MethodSource("validRoleNames")
    void validRoleNamesAreAcceptedAndTrimmed(String raw) {
        RoleName name = RoleName.of(raw);

        assertThat(name.value()).isEqualTo(raw.strip());
        assertThat(name.value().getBytes(StandardCharsets.UTF_8).length).isBetween(1, 32);
    }

    static String[] invalidRoleNames() {
        return new String[] {
            "", "   ", "\t\n",
            "x".repeat(33),                                 // 33 bytes
            "é".repeat(16) + "a",                           // 33 bytes
            "€".repeat(11),                                 // 33 bytes
            "😀".repeat(8) + "a",                           // 33 bytes
            "a".repeat(31) + "é",                           // 33 bytes, 32 chars
            "\u0000", "a\u0000b", "ab\u0000",
            "a\u0007b", "a\u001Bb", "a\u007Fb", "a\u0085b", // Cc: BEL, ESC, DEL, NEL
            "@everyone", "@EVERYONE", " @Everyone ", "workspace_owner", "WORKSPACE_OWNER", "\tWorkspace_Owner",
        };
    }

    @ParameterizedTest
    @MethodSource("invalidRoleNames")
    void invalidRoleNamesAreRejectedAs400(String raw) {
        assertThatThrownBy(() -> RoleName.of(raw)).isInstanceOf(InvalidRequestException.class);
    }

    @ParameterizedTest
    @CsvSource({"#a1b2c3, #A1B2C3", "#FFFFFF, #FFFFFF", "#000000, #000000", "#AbCdEf, #ABCDEF"})
    void coloursAreStoredUpperCase(String raw, String stored) {
        assertThat(ColorHex.of(raw).value()).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "#", "A1B2C3", "#A1B2C", "#A1B2C3D", "#G00000", "#a1b2c3\n", " #A1B2C3", "##A1B2C"})
    void malformedColoursAreRejected(String raw) {
        assertThatThrownBy(() -> ColorHex.of(raw)).isInstanceOf(InvalidRequestException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 9998, 9999})
    void customPositionsWithinOneTo9999AreAccepted(int position) {
        assertThat(CustomPosition.of(position).value()).isEqualTo(position);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 10000, 10001})
    void customPositionsOutsideOneTo9999AreRejected(int position) {
        assertThatThrownBy(() -> CustomPosition.of(position)).isInstanceOf(InvalidRequestException.class);
    }

    @ParameterizedTest
    @CsvSource({"owner, 3, WORKSPACE_OWNER", "moderator, 2, MODERATOR", "member, 1, MEMBER"})
    void legacyRolesHaveTheirRankAndAliasRole(String wire, int rank, SystemRoleKey alias) {
        LegacyRole role = LegacyRole.fromWire(wire).orElseThrow();

        assertThat(role.rank()).isEqualTo(rank);
        assertThat(role.seededRole()).isEqualTo(alias);
        assertThat(role.wire()).isEqualTo(wire);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Owner", "admin", "", "workspace_owner"})
    void unknownLegacyRoleNamesAreEmpty(String wire) {
        assertThat(LegacyRole.fromWire(wire)).isEmpty();
    }
}
