package dev.filament.domain.guild;

import static dev.filament.domain.guild.GuildFixtures.ulid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.domain.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code {created_at_unix}_{ULID}} cursor of SPEC 1.9 / 7.2. */
class TimeCursorTest {

    @Test
    void parsesAndNormalisesTheUlidToUpperCase() {
        TimeCursor cursor = TimeCursor.parse("1767225600_" + ulid(7).toLowerCase());

        assertThat(cursor.createdAtUnix()).isEqualTo(1767225600L);
        assertThat(cursor.id()).isEqualTo(ulid(7));
        assertThat(cursor.toWire()).isEqualTo("1767225600_" + ulid(7));
        assertThat(TimeCursor.parse(cursor.toWire())).isEqualTo(cursor);
    }

    @Test
    void acceptsTheInt64Range() {
        assertThat(TimeCursor.parse(Long.MAX_VALUE + "_" + ulid(1)).createdAtUnix()).isEqualTo(Long.MAX_VALUE);
        assertThat(TimeCursor.parse(Long.MIN_VALUE + "_" + ulid(1)).createdAtUnix()).isEqualTo(Long.MIN_VALUE);
        assertThat(TimeCursor.parse("0_" + ulid(1)).createdAtUnix()).isZero();
    }

    static String[] invalid() {
        return new String[] {
            "", "_", "12", "12_", "_" + ulid(1), "12_" + ulid(1) + "_", "12__" + ulid(1),
            "9223372036854775808_" + ulid(1),               // int64 overflow
            "1.5_" + ulid(1), "+1_" + ulid(1), " 1_" + ulid(1), "--1_" + ulid(1),
            "1_8" + ulid(1).substring(1),                   // first ULID char must be 0-7
            "1_" + ulid(1).substring(1),                    // 25 chars
            "1_" + ulid(1).replace('J', 'U'),               // U is not Crockford
            "1" .repeat(110) + "_" + ulid(1),              // 137 chars
            "1_" + ulid(1) + "\u0000",
        };
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void malformedCursorsAre400(String raw) {
        assertThatThrownBy(() -> TimeCursor.parse(raw)).isInstanceOf(InvalidRequestException.class);
    }
}
