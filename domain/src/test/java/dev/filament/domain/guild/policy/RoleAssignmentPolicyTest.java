package dev.filament.domain.guild.policy;

import static dev.filament.domain.guild.GuildFixtures.custom;
import static dev.filament.domain.guild.GuildFixtures.outcome;
import static dev.filament.domain.guild.GuildFixtures.WORKSPACE_OWNER;
import static dev.filament.domain.guild.policy.Cast.actor;
import static dev.filament.domain.guild.policy.Cast.role;
import static dev.filament.domain.guild.policy.Cast.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.guild.access.AccessContext;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Role assign / unassign (SPEC 5.9) including the last-owner rule. */
class RoleAssignmentPolicyTest {
    /** A target every member actor outranks, so the role tables below test the role rules alone. */
    private static final AccessContext PLAIN_TARGET = target("outsider");

    @ParameterizedTest(name = "{0} assigns {1}: {2}")
    @CsvSource({
            "so, everyone, invalid_request", "so, member, invalid_request", "plain, member, invalid_request",
            "so, workspace_owner, allowed", "wo, workspace_owner, forbidden", "mod, workspace_owner, forbidden",
            "wo, admin, allowed", "wo, moderator, allowed",
            "mod, artist, allowed", "mod, helper, allowed", "mod, moderator, forbidden", "mod, admin, forbidden",
            // helper manages artist (20 < 50) but does not hold publish_video: the mask rule denies
            "helper, artist, forbidden", "plain, artist, forbidden"})
    void assign(String actor, String role, String expected) {
        assertThat(outcome(RoleAssignmentPolicy.canAssign(actor(actor), role(role), PLAIN_TARGET)))
                .isEqualTo(expected);
    }

    @Test
    void aManageableRoleWithinTheActorsMaskMayBeAssigned() {
        var lowChat = custom(40, "chatter", 10, PermissionSet.of(Permission.CREATE_MESSAGE));

        assertThat(outcome(RoleAssignmentPolicy.canAssign(actor("helper"), lowChat, PLAIN_TARGET)))
                .isEqualTo("allowed");
    }

    @ParameterizedTest(name = "{0} unassigns {1}: {2}")
    @CsvSource({
            "so, everyone, invalid_request", "mod, member, invalid_request",
            "so, workspace_owner, allowed", "wo, workspace_owner, forbidden",
            // no mask rule on unassign
            "helper, artist, allowed", "mod, moderator, forbidden", "wo, moderator, allowed",
            "plain, artist, forbidden"})
    void unassign(String actor, String role, String expected) {
        assertThat(outcome(RoleAssignmentPolicy.canUnassign(actor(actor), role(role), PLAIN_TARGET)))
                .isEqualTo(expected);
    }

    /**
     * Issue #12 item 5: like kick, a non-owner acting on another member needs H(actor) > H(target); the role itself
     * (artist, 20) is one every actor below may manage and hold.
     */
    @ParameterizedTest(name = "{0} (un)assigns artist to {1}: {2}")
    @CsvSource({
            "mod, wo, forbidden", "mod, so_member, forbidden", "mod, admin, forbidden", "mod, mod, forbidden",
            "mod, helper, allowed", "mod, plain, allowed", "mod, outsider, allowed", "mod, so, allowed",
            "admin, mod, allowed", "admin, wo, forbidden",
            "wo, wo, allowed", "wo, admin, allowed", "so, so_member, allowed", "so, wo, allowed"})
    void theTargetMustStandBelowANonOwnerActor(String actor, String target, String expected) {
        var artistWithoutBits = custom(40, "artist2", 20, PermissionSet.NONE);
        assertThat(outcome(RoleAssignmentPolicy.canAssign(actor(actor), artistWithoutBits, target(target))))
                .isEqualTo(expected);
        assertThat(outcome(RoleAssignmentPolicy.canUnassign(actor(actor), artistWithoutBits, target(target))))
                .isEqualTo(expected);
        assertThat(outcome(RoleAssignmentPolicy.targetBelowActor(actor(actor), target(target)))).isEqualTo(expected);
    }

    @Test
    void aNonOwnerMayActOnItself_evenThoughItDoesNotStandBelowItself() {
        AccessContext mod = actor("mod");
        var artistWithoutBits = custom(40, "artist2", 20, PermissionSet.NONE);

        assertThat(outcome(RoleAssignmentPolicy.canAssign(mod, artistWithoutBits, mod))).isEqualTo("allowed");
        assertThat(outcome(RoleAssignmentPolicy.canUnassign(mod, artistWithoutBits, mod))).isEqualTo("allowed");
    }

    @ParameterizedTest(name = "{0} with {1} holders: {2}")
    @CsvSource({
            "workspace_owner, 0, forbidden", "workspace_owner, 1, forbidden", "workspace_owner, 2, allowed",
            "moderator, 1, allowed", "artist, 0, allowed"})
    void lastWorkspaceOwnerIsKept(String role, long holders, String expected) {
        assertThat(outcome(RoleAssignmentPolicy.keepsAWorkspaceOwner(role(role), holders))).isEqualTo(expected);
        assertThat(WORKSPACE_OWNER.isSystem()).isTrue();
    }
}
