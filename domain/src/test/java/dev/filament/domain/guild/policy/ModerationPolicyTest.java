package dev.filament.domain.guild.policy;

import static dev.filament.domain.guild.GuildFixtures.outcome;
import static dev.filament.domain.guild.policy.Cast.actor;
import static dev.filament.domain.guild.policy.Cast.target;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kick, ban and IP ban targets (SPEC 6.2, 6.3, 6.6): protected targets and H(actor) > H(target). */
class ModerationPolicyTest {

    @ParameterizedTest(name = "{0} kicks {1}: {2}")
    @CsvSource({
            "so, outsider, not_found", "so, so, not_found", "mod, outsider, not_found",
            "so, so_member, forbidden", "so, wo, forbidden", "wo, wo, forbidden", "mod, wo, forbidden",
            "so, mod, allowed", "wo, mod, allowed", "wo, admin, allowed", "admin, mod, allowed",
            "mod, mod, forbidden", "mod, admin, forbidden", "mod, helper, allowed", "helper, plain, allowed",
            "plain, plain, forbidden"})
    void kick(String actor, String target, String expected) {
        assertThat(outcome(ModerationPolicy.canKick(actor(actor), target(target)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} bans {1}: {2}")
    @CsvSource({
            "so, so, forbidden", "so, so_member, forbidden", "so, wo, forbidden", "admin, wo, forbidden",
            "plain, outsider, allowed", "mod, outsider, allowed",
            "admin, mod, allowed", "mod, mod, forbidden", "mod, admin, forbidden", "wo, admin, allowed",
            "so, plain, allowed", "helper, plain, allowed", "plain, plain, forbidden"})
    void ban(String actor, String target, String expected) {
        assertThat(outcome(ModerationPolicy.canBan(actor(actor), target(target)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} IP-bans {1}: {2}")
    @CsvSource({
            "so, so, forbidden", "wo, wo, forbidden", "mod, so_member, forbidden",
            "plain, outsider, allowed", "admin, mod, allowed", "mod, mod, forbidden", "mod, admin, forbidden",
            "wo, admin, allowed", "so, mod, allowed"})
    void ipBanByUser(String actor, String target, String expected) {
        assertThat(outcome(ModerationPolicy.canIpBan(actor(actor), target(target)))).isEqualTo(expected);
    }
}
