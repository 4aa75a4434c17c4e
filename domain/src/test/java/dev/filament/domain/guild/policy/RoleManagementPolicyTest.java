package dev.filament.domain.guild.policy;

import static dev.filament.domain.guild.GuildFixtures.outcome;
import static dev.filament.domain.guild.policy.Cast.actor;
import static dev.filament.domain.guild.policy.Cast.role;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC 5.3 "manageable role", role deletion and the default join role (SPEC 5.9). */
class RoleManagementPolicyTest {

    @ParameterizedTest(name = "{0} manages {1}: {2}")
    @CsvSource({
            // server owner manages everything, even @everyone and workspace_owner
            "so, everyone, allowed", "so, workspace_owner, allowed", "so, moderator, allowed", "so, admin, allowed",
            // workspace owner: everything but @everyone and workspace_owner
            "wo, everyone, forbidden", "wo, workspace_owner, forbidden", "wo, admin, allowed",
            "wo, moderator, allowed", "wo, member, allowed",
            // others: T.position < H(A)
            "mod, everyone, forbidden", "mod, member, allowed", "mod, artist, allowed", "mod, helper, allowed",
            "mod, moderator, forbidden", "mod, admin, forbidden", "mod, workspace_owner, forbidden",
            "helper, artist, allowed", "helper, helper, forbidden", "helper, member, allowed",
            "plain, member, forbidden", "plain, artist, forbidden",
            "outsider, member, forbidden"})
    void manageableRole(String actor, String role, String expected) {
        assertThat(outcome(RoleManagementPolicy.canManage(actor(actor), role(role)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} deletes {1}: {2}")
    @CsvSource({
            "so, member, forbidden", "so, moderator, forbidden", "so, everyone, forbidden",
            "so, workspace_owner, forbidden", "so, admin, allowed", "wo, admin, allowed",
            "helper, artist, allowed", "helper, helper, forbidden", "plain, artist, forbidden"})
    void deletion(String actor, String role, String expected) {
        assertThat(outcome(RoleManagementPolicy.canDelete(actor(actor), role(role)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} makes {1} the default join role: {2}")
    @CsvSource({
            // only custom roles (SPEC 5.9): every seeded role is 400, whoever asks
            "so, everyone, invalid_request", "so, workspace_owner, invalid_request", "so, member, invalid_request",
            "so, moderator, invalid_request", "wo, moderator, invalid_request", "mod, member, invalid_request",
            "plain, member, invalid_request",
            "so, admin, allowed", "wo, admin, allowed", "plain, artist, forbidden", "mod, admin, forbidden",
            // issue #12 item 4: helper manages artist (20 < 50) but lacks publish_video, which artist carries
            "helper, artist, forbidden", "mod, artist, allowed"})
    void defaultJoinRole(String actor, String role, String expected) {
        assertThat(outcome(RoleManagementPolicy.canMakeDefaultJoinRole(actor(actor), role(role))))
                .isEqualTo(expected);
    }
}
