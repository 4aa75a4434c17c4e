package dev.filament.domain.guild.policy;

import static dev.filament.domain.guild.GuildFixtures.outcome;
import static dev.filament.domain.guild.policy.Cast.actor;
import static dev.filament.domain.guild.policy.Cast.role;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.ColorChange;
import dev.filament.domain.guild.role.ColorHex;
import dev.filament.domain.guild.role.CustomPosition;
import dev.filament.domain.guild.role.RoleName;
import dev.filament.domain.guild.role.RolePatch;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Role create and patch rules of SPEC 5.9. */
class RoleEditPolicyTest {

    private static PermissionSet perms(String spaceSeparated) {
        return spaceSeparated.isBlank()
                ? PermissionSet.NONE
                : PermissionSet.fromWire(List.of(spaceSeparated.trim().split(" +")));
    }

    @ParameterizedTest(name = "{0}: default position {1}")
    @CsvSource({"so, 9999", "wo, 9999", "admin, 199", "mod, 99", "helper, 49", "plain, 1"})
    void defaultPositionIsOneBelowTheActorCappedAtTheOwnerRole(String actor, int expected) {
        assertThat(RoleEditPolicy.defaultPosition(actor(actor)).value()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} creates at {1} with [{2}]: {3}")
    @CsvSource({
            "so, 9999, manage_roles manage_workspace_roles, allowed",
            "wo, 9999, manage_roles, allowed",
            // admin: H 200; holds manage_workspace_roles manage_roles ban_member create_message subscribe_streams
            "admin, 199, create_message ban_member, allowed",
            "admin, 200, create_message, forbidden",
            "admin, 150, delete_message, forbidden",
            "plain, 1, '', forbidden"})
    void create(String actor, int position, String permissions, String expected) {
        assertThat(outcome(RoleEditPolicy.canCreate(actor(actor), CustomPosition.of(position), perms(permissions))))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} patches {1} (name {2}, permissions [{3}]): {4}")
    @CsvSource({
            "mod, helper, '', manage_roles, forbidden",                 // escalation
            "mod, helper, '', ban_member create_message, allowed",
            "mod, admin, '', create_message, forbidden",                // not manageable
            "so, everyone, all, '', invalid_request",                   // renaming is_system
            "so, everyone, '', create_message, allowed",
            "so, moderator, mods, '', allowed",                         // moderator is not is_system
            "wo, everyone, all, '', forbidden",                         // not manageable comes first
            "admin, helper, '', delete_message manage_member_roles, allowed"}) // dropping bits only
    void patch(String actor, String role, String name, String permissions, String expected) {
        RolePatch patch = new RolePatch(
                name.isBlank() ? Optional.empty() : Optional.of(RoleName.of(name)),
                permissions.isBlank() ? Optional.empty() : Optional.of(perms(permissions)),
                ColorChange.KEEP);

        assertThat(outcome(RoleEditPolicy.canPatch(actor(actor), role(role), patch))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "colour-only patch by {0} on {1}: {2}")
    @CsvSource({"helper, artist, allowed", "helper, moderator, forbidden"})
    void colourOnlyPatchStillNeedsAManageableRole(String actor, String role, String expected) {
        RolePatch patch = new RolePatch(Optional.empty(), Optional.empty(), ColorChange.setTo(ColorHex.of("#00FF00")));

        assertThat(outcome(RoleEditPolicy.canPatch(actor(actor), role(role), patch))).isEqualTo(expected);
    }
}
