package dev.filament.domain.guild.access;

import static dev.filament.domain.guild.GuildFixtures.ALICE;
import static dev.filament.domain.guild.GuildFixtures.ADMIN;
import static dev.filament.domain.guild.GuildFixtures.ARTIST;
import static dev.filament.domain.guild.GuildFixtures.BOB;
import static dev.filament.domain.guild.GuildFixtures.EVERYONE;
import static dev.filament.domain.guild.GuildFixtures.HELPER;
import static dev.filament.domain.guild.GuildFixtures.MEMBER;
import static dev.filament.domain.guild.GuildFixtures.MODERATOR;
import static dev.filament.domain.guild.GuildFixtures.ROLES;
import static dev.filament.domain.guild.GuildFixtures.WORKSPACE_OWNER;
import static dev.filament.domain.guild.GuildFixtures.member;
import static dev.filament.domain.guild.GuildFixtures.nonMember;
import static dev.filament.domain.guild.GuildFixtures.outcome;
import static dev.filament.domain.guild.GuildFixtures.serverOwner;
import static dev.filament.domain.guild.GuildFixtures.workspaceOwner;
import static dev.filament.domain.guild.permission.Permission.BAN_MEMBER;
import static dev.filament.domain.guild.permission.Permission.CREATE_MESSAGE;
import static dev.filament.domain.guild.permission.Permission.DELETE_MESSAGE;
import static dev.filament.domain.guild.permission.Permission.MANAGE_IP_BANS;
import static dev.filament.domain.guild.permission.PermissionSet.ALL;
import static dev.filament.domain.guild.permission.PermissionSet.NONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.LegacyRole;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.id.UserId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC 5.4 steps 1-7, one row per layer or precedence rule; expected masks are worked out by hand. */
class PermissionEvaluatorTest {
    // everyone = member = create_message + subscribe_streams
    private static final long BASE = 2304;
    // BASE + HELPER (delete_message 16, view_audit_log 64, manage_member_roles 2)
    private static final long BASE_HELPER = 2386;
    // BASE_HELPER + ARTIST (publish_video 512)
    private static final long BASE_HELPER_ARTIST = 2898;

    private static ChannelOverride role(Role role, PermissionSet allow, PermissionSet deny) {
        return ChannelOverride.forRole(role.id(), allow, deny);
    }

    private static ChannelOverride user(UserId user, PermissionSet allow, PermissionSet deny) {
        return ChannelOverride.forMember(user, allow, deny);
    }

    private static PermissionSet p(Permission... ps) {
        return PermissionSet.of(ps);
    }

    /** Overrides that deny everything at every layer, including a row on workspace_owner itself. */
    private static final List<ChannelOverride> DENY_ALL = List.of(
            role(EVERYONE, NONE, ALL), role(MEMBER, NONE, ALL), role(WORKSPACE_OWNER, NONE, ALL),
            role(MODERATOR, NONE, ALL), user(ALICE, NONE, ALL));

    static Stream<Arguments> cases() {
        return Stream.of(
                // step 1: server owner, membership not needed, overrides irrelevant
                arguments("server owner without membership", serverOwner(ALICE), ALL.mask(), LegacyRole.OWNER),
                arguments("server owner without membership, deny-all overrides",
                        serverOwner(ALICE).inChannel(DENY_ALL), ALL.mask(), LegacyRole.OWNER),
                arguments("server owner who is also a plain member",
                        AccessContext.member(ALICE, true, ROLES, List.of()), ALL.mask(), LegacyRole.OWNER),
                // step 3: workspace owner short-circuits guild and channel level
                arguments("workspace owner at guild level", workspaceOwner(ALICE), ALL.mask(), LegacyRole.OWNER),
                arguments("workspace owner: override on workspace_owner (and all layers) has no effect",
                        workspaceOwner(ALICE).inChannel(DENY_ALL), ALL.mask(), LegacyRole.OWNER),
                // step 4/5: guild mask = OR of R
                arguments("plain member: @everyone | member", member(ALICE), BASE, LegacyRole.MEMBER),
                arguments("member + helper", member(ALICE, HELPER), BASE_HELPER, LegacyRole.MEMBER),
                arguments("member + moderator", member(ALICE, MODERATOR), 4090L, LegacyRole.MODERATOR),
                arguments("guild level never consults overrides",
                        member(ALICE, HELPER).inChannel(DENY_ALL).atGuildLevel(), BASE_HELPER, LegacyRole.MEMBER),
                arguments("channel with no override rows equals guild level",
                        member(ALICE, HELPER).inChannel(List.of()), BASE_HELPER, LegacyRole.MEMBER),
                // step 6: everyone layer
                arguments("everyone layer denies create_message",
                        member(ALICE).inChannel(List.of(role(EVERYONE, NONE, p(CREATE_MESSAGE)))),
                        BASE - CREATE_MESSAGE.mask(), LegacyRole.MEMBER),
                arguments("everyone layer deny removes a bit granted by another role (moderator)",
                        member(ALICE, MODERATOR).inChannel(List.of(role(EVERYONE, NONE, p(DELETE_MESSAGE)))),
                        4090L - DELETE_MESSAGE.mask(), LegacyRole.MODERATOR),
                // roles layer: later layer undoes earlier
                arguments("roles layer (member role) undoes everyone-layer deny",
                        member(ALICE).inChannel(List.of(
                                role(EVERYONE, NONE, p(CREATE_MESSAGE)), role(MEMBER, p(CREATE_MESSAGE), NONE))),
                        BASE, LegacyRole.MEMBER),
                arguments("@everyone row is not part of the roles layer: its deny loses to a later role allow",
                        member(ALICE, HELPER).inChannel(List.of(
                                role(EVERYONE, NONE, p(CREATE_MESSAGE)), role(HELPER, p(CREATE_MESSAGE), NONE))),
                        BASE_HELPER, LegacyRole.MEMBER),
                arguments("roles layer: union of allows, union of denies, deny beats allow across roles",
                        member(ALICE, HELPER, ARTIST).inChannel(List.of(
                                role(HELPER, p(BAN_MEMBER, MANAGE_IP_BANS), NONE), role(ARTIST, NONE, p(BAN_MEMBER)))),
                        BASE_HELPER_ARTIST + MANAGE_IP_BANS.mask(), LegacyRole.MEMBER),
                arguments("roles layer ignores rows on roles the user does not hold",
                        member(ALICE, HELPER).inChannel(List.of(role(ADMIN, p(BAN_MEMBER), NONE))),
                        BASE_HELPER, LegacyRole.MEMBER),
                // member layer last
                arguments("member layer re-denies what the roles layer allowed",
                        member(ALICE).inChannel(List.of(
                                role(EVERYONE, NONE, p(CREATE_MESSAGE)), role(MEMBER, p(CREATE_MESSAGE), NONE),
                                user(ALICE, NONE, p(CREATE_MESSAGE)))),
                        BASE - CREATE_MESSAGE.mask(), LegacyRole.MEMBER),
                arguments("member layer re-allows what the roles layer denied",
                        member(ALICE, HELPER).inChannel(List.of(
                                role(HELPER, NONE, p(CREATE_MESSAGE)), user(ALICE, p(CREATE_MESSAGE), NONE))),
                        BASE_HELPER, LegacyRole.MEMBER),
                arguments("member layer grants a bit no role has",
                        member(ALICE).inChannel(List.of(user(ALICE, p(MANAGE_IP_BANS), NONE))),
                        BASE + MANAGE_IP_BANS.mask(), LegacyRole.MEMBER),
                arguments("member layer applies only to the row targeting this user",
                        member(ALICE, HELPER).inChannel(List.of(user(BOB, NONE, p(CREATE_MESSAGE)))),
                        BASE_HELPER, LegacyRole.MEMBER),
                arguments("deny-all at every layer leaves a member nothing; legacy role unchanged",
                        member(ALICE, MODERATOR).inChannel(DENY_ALL), 0L, LegacyRole.MODERATOR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluatesAsSpecified(String rule, AccessContext ctx, long expectedMask, LegacyRole expectedRole) {
        EffectivePermissions result = PermissionEvaluator.evaluate(ctx);

        assertThat(result.permissions()).isEqualTo(new PermissionSet(expectedMask));
        assertThat(result.legacyRole()).isEqualTo(expectedRole);
    }

    @Test
    void givenNonMember_evaluate_isForbidden() {
        assertThatThrownBy(() -> PermissionEvaluator.evaluate(nonMember(ALICE)))
                .isInstanceOf(ForbiddenException.class)
                .extracting("code").isEqualTo("forbidden");
        assertThatThrownBy(() -> PermissionEvaluator.evaluate(nonMember(ALICE).inChannel(List.of())))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void givenEffectiveRolesWithoutTheSeededMemberRole_evaluate_failsAsDataCorruption() {
        AccessContext corrupt = new AccessContext(ALICE, false, true, List.of(EVERYONE, HELPER), Optional.empty());

        assertThatThrownBy(() -> PermissionEvaluator.evaluate(corrupt))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("member");
    }

    @Test
    void givenEffectiveRolesWithoutEveryone_evaluate_failsEvenForAWorkspaceOwner() {
        AccessContext corrupt =
                new AccessContext(ALICE, false, true, List.of(MEMBER, WORKSPACE_OWNER), Optional.empty());

        assertThatThrownBy(() -> PermissionEvaluator.evaluate(corrupt))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("everyone");
    }

    @Test
    void requireOfAMissingPermission_isForbidden_andOfAHeldOne_isAllowed() {
        EffectivePermissions plain = PermissionEvaluator.evaluate(member(ALICE));

        assertThat(plain.require(CREATE_MESSAGE).isAllowed()).isTrue();
        assertThat(outcome(plain.require(BAN_MEMBER))).isEqualTo("forbidden");
    }
}
