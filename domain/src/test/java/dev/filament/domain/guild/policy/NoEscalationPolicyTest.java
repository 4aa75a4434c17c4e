package dev.filament.domain.guild.policy;

import static dev.filament.domain.guild.GuildFixtures.ALICE;
import static dev.filament.domain.guild.GuildFixtures.HELPER;
import static dev.filament.domain.guild.GuildFixtures.outcome;
import static dev.filament.domain.guild.policy.Cast.actor;
import static dev.filament.domain.guild.policy.Cast.role;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC 5.3 "no escalation": only bits the actor holds may be granted. */
class NoEscalationPolicyTest {

    private static PermissionSet perms(String spaceSeparated) {
        return spaceSeparated.isBlank()
                ? PermissionSet.NONE
                : PermissionSet.fromWire(List.of(spaceSeparated.trim().split(" +")));
    }

    @ParameterizedTest(name = "{0}: [{1}] -> [{2}] = {3}")
    @CsvSource({
            // helper's guild mask: create_message subscribe_streams delete_message view_audit_log manage_member_roles
            "helper, '', delete_message, allowed",
            "helper, '', ban_member, forbidden",
            "helper, ban_member, ban_member delete_message, allowed",   // ban_member is not new
            "helper, ban_member manage_roles, '', allowed",             // removing is never escalation
            "mod, '', manage_roles, forbidden",
            "mod, '', ban_member manage_ip_bans, allowed",
            "wo, '', manage_roles manage_workspace_roles, allowed",
            "so, '', manage_roles manage_workspace_roles, allowed"})
    void newRoleBitsMustBeHeld(String actor, String before, String after, String expected) {
        assertThat(outcome(NoEscalationPolicy.roleBits(actor(actor), perms(before), perms(after))))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} assigns {1}: {2}")
    @CsvSource({"mod, artist, allowed", "mod, admin, forbidden", "helper, artist, forbidden", "wo, admin, allowed"})
    void assignedRoleMaskMustBeWithinActorMask(String actor, String role, String expected) {
        assertThat(outcome(NoEscalationPolicy.assignedRole(actor(actor), role(role)))).isEqualTo(expected);
    }

    @Test
    void overrideAllowIsCheckedAgainstTheActorsChannelMaskNotItsGuildMask() {
        var deniedHere = actor("helper").inChannel(List.of(ChannelOverride.forRole(
                HELPER.id(), PermissionSet.NONE, PermissionSet.of(Permission.DELETE_MESSAGE))));
        var grantedHere = actor("helper").inChannel(List.of(ChannelOverride.forMember(
                ALICE, PermissionSet.of(Permission.MANAGE_IP_BANS), PermissionSet.NONE)));

        assertThat(outcome(NoEscalationPolicy.overrideAllow(deniedHere, PermissionSet.of(Permission.DELETE_MESSAGE))))
                .isEqualTo("forbidden");
        assertThat(outcome(NoEscalationPolicy.overrideAllow(
                grantedHere, PermissionSet.of(Permission.MANAGE_IP_BANS)))).isEqualTo("allowed");
        assertThat(outcome(NoEscalationPolicy.overrideAllow(
                actor("helper").inChannel(List.of()), PermissionSet.of(Permission.MANAGE_IP_BANS))))
                .isEqualTo("forbidden");
        assertThat(outcome(NoEscalationPolicy.overrideAllow(
                actor("wo").inChannel(List.of()), PermissionSet.ALL))).isEqualTo("allowed");
    }
}
