package dev.filament.domain.guild.policy;

import static dev.filament.domain.guild.GuildFixtures.outcome;
import static dev.filament.domain.guild.policy.Cast.actor;
import static dev.filament.domain.guild.policy.Cast.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.guild.role.LegacyRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PATCH member legacy role (SPEC 6.1), checks in SPEC order, and the resulting assignment change. */
class MemberRolePolicyTest {

    @ParameterizedTest(name = "{0} sets {1} to {2}: {3}")
    @CsvSource({
            // mask needs manage_roles or manage_member_roles; 403 comes before the 404 for a non-member target
            "plain, outsider, member, forbidden", "plain, plain, member, forbidden",
            "mod, outsider, member, not_found", "so, outsider, moderator, not_found",
            // current or requested owner -> 403, whoever asks
            "so, wo, member, forbidden", "so, so_member, member, forbidden", "so, plain, owner, forbidden",
            "wo, plain, owner, forbidden",
            // rank must exceed both current and requested
            "helper, plain, member, forbidden", "admin, plain, moderator, forbidden",
            "mod, plain, member, allowed", "mod, plain, moderator, forbidden", "mod, mod, member, forbidden",
            "wo, plain, moderator, allowed", "wo, mod, member, allowed", "wo, mod, moderator, allowed",
            "so, plain, moderator, allowed"})
    void check(String actor, String target, String requested, String expected) {
        LegacyRole role = LegacyRole.fromWire(requested).orElseThrow();

        assertThat(outcome(MemberRolePolicy.canSetLegacyRole(actor(actor), target(target), role)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "plain, member, NONE", "plain, moderator, ADD_MODERATOR", "mod, member, REMOVE_MODERATOR",
            "mod, moderator, NONE", "helper, moderator, ADD_MODERATOR"})
    void change(String target, String requested, MemberRolePolicy.Change expected) {
        LegacyRole role = LegacyRole.fromWire(requested).orElseThrow();

        assertThat(MemberRolePolicy.change(target(target), role)).isEqualTo(expected);
    }
}
