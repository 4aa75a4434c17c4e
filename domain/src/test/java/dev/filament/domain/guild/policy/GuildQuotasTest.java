package dev.filament.domain.guild.policy;

import static dev.filament.domain.guild.GuildFixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Count caps of SPEC 5.7-5.9 at their boundaries (counts before the write). */
class GuildQuotasTest {

    @ParameterizedTest(name = "{0} roles: {1}")
    @CsvSource({"4, allowed", "63, allowed", "64, quota_exceeded", "65, quota_exceeded"})
    void roles(int count, String expected) {
        assertThat(outcome(GuildQuotas.roomForRole(count))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} assignments: {1}")
    @CsvSource({"0, allowed", "15, allowed", "16, quota_exceeded"})
    void assignments(int count, String expected) {
        assertThat(outcome(GuildQuotas.roomForAssignment(count))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} channels: {1}")
    @CsvSource({"0, allowed", "499, allowed", "500, quota_exceeded"})
    void channels(int count, String expected) {
        assertThat(outcome(GuildQuotas.roomForChannel(count))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} created of max {1}: {2}")
    @CsvSource({"0, 5, allowed", "4, 5, allowed", "5, 5, guild_creation_limit_reached",
            "0, 0, guild_creation_limit_reached"})
    void createdGuilds(int created, int max, String expected) {
        assertThat(outcome(GuildQuotas.roomForCreatedGuild(created, max))).isEqualTo(expected);
    }
}
