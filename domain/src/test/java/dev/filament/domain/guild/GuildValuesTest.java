package dev.filament.domain.guild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.domain.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Guild and channel names (SPEC 5.6), wire enums (SPEC 1.6) and the public-guild query (SPEC 5.7). */
class GuildValuesTest {

    static String[] validNames() {
        return new String[] {"a", "x".repeat(64), "  padded  ", " a", "~", "general-chat_1", "!\"#$%&'()*+,-./"};
    }

    static String[] invalidNames() {
        return new String[] {"", " ", " ".repeat(64), "x".repeat(65), "\u0000", "a\u0000", "tab\there", "a\u007F",
            "café", "line\n", "€"};
    }

    @ParameterizedTest
    @MethodSource("validNames")
    void validNamesAreKeptExactlyAsGiven(String raw) {
        assertThat(GuildName.of(raw).value()).isEqualTo(raw);
        assertThat(ChannelName.of(raw).value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @MethodSource("invalidNames")
    void invalidNamesAre400(String raw) {
        assertThatThrownBy(() -> GuildName.of(raw)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> ChannelName.of(raw)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void wireEnumsAndDefaults() {
        assertThat(Visibility.fromWire("public")).contains(Visibility.PUBLIC);
        assertThat(Visibility.fromWire("Public")).isEmpty();
        assertThat(Visibility.DEFAULT.wire()).isEqualTo("private");
        assertThat(ChannelKind.fromWire("voice")).contains(ChannelKind.VOICE);
        assertThat(ChannelKind.fromWire("video")).isEmpty();
        assertThat(ChannelKind.DEFAULT.wire()).isEqualTo("text");
    }

    @ParameterizedTest(name = "q=[{0}] -> [{1}]")
    @CsvSource(value = {"'  Hello World '|hello world", "''|''", "'   '|''", "ÄBC|Äbc", "100%_\\|100%_\\"},
            delimiter = '|', ignoreLeadingAndTrailingWhitespace = false)
    void queryIsTrimmedAndAsciiLowerCased(String raw, String expected) {
        assertThat(PublicGuildQuery.parse(raw).value()).isEqualTo(expected);
    }

    @Test
    void queryOf64BytesAfterTrimmingIsAccepted_65IsNot() {
        assertThat(PublicGuildQuery.parse("  " + "a".repeat(64) + "  ").value()).hasSize(64);
        assertThat(PublicGuildQuery.parse("é".repeat(32)).value()).hasSize(32);
        assertThatThrownBy(() -> PublicGuildQuery.parse("a".repeat(65))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> PublicGuildQuery.parse("é".repeat(32) + "a"))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> PublicGuildQuery.parse("a\u0000")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void queryBuildsAnEscapedContainsPattern_andEmptyMeansNoFilter() {
        assertThat(PublicGuildQuery.parse("50%_off\\").likePattern()).contains("%50\\%\\_off\\\\%");
        assertThat(PublicGuildQuery.parse(" ").likePattern()).isEmpty();
        assertThat(PublicGuildQuery.parse("ROCK").matches("Classic Rock Fans")).isTrue();
        assertThat(PublicGuildQuery.parse("r_ck").matches("Classic Rock Fans")).isFalse();
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(value = {"abc|abc", "a%b|a\\%b", "a_b|a\\_b", "a\\b|a\\\\b", "%_\\|\\%\\_\\\\", "''|''"},
            delimiter = '|', emptyValue = "")
    void likeEscapeEscapesPercentUnderscoreAndBackslash(String raw, String escaped) {
        assertThat(LikePattern.escape(raw)).isEqualTo(escaped);
    }
}
