package dev.filament.domain.guild.access;

import static dev.filament.domain.guild.GuildFixtures.ALICE;
import static dev.filament.domain.guild.GuildFixtures.ADMIN;
import static dev.filament.domain.guild.GuildFixtures.EVERYONE;
import static dev.filament.domain.guild.GuildFixtures.HELPER;
import static dev.filament.domain.guild.GuildFixtures.MEMBER;
import static dev.filament.domain.guild.GuildFixtures.MODERATOR;
import static dev.filament.domain.guild.GuildFixtures.ROLES;
import static dev.filament.domain.guild.GuildFixtures.member;
import static dev.filament.domain.guild.GuildFixtures.nonMember;
import static dev.filament.domain.guild.GuildFixtures.serverOwner;
import static dev.filament.domain.guild.GuildFixtures.ulid;
import static dev.filament.domain.guild.GuildFixtures.workspaceOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.filament.domain.guild.role.LegacyRole;
import dev.filament.domain.id.RoleId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC 5.3 definitions: H(U), owner, protected target, legacy role. */
class AccessContextTest {

    static Stream<Arguments> standings() {
        return Stream.of(
                arguments("server owner, non-member", serverOwner(ALICE), Integer.MAX_VALUE, true, LegacyRole.OWNER),
                arguments("workspace owner", workspaceOwner(ALICE), 10000, true, LegacyRole.OWNER),
                arguments("moderator", member(ALICE, MODERATOR), 100, false, LegacyRole.MODERATOR),
                arguments("admin (200) and moderator (100)", member(ALICE, MODERATOR, ADMIN), 200, false,
                        LegacyRole.MODERATOR),
                arguments("helper (50)", member(ALICE, HELPER), 50, false, LegacyRole.MEMBER),
                arguments("plain member: member role at 1", member(ALICE), 1, false, LegacyRole.MEMBER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("standings")
    void standingFollowsSpecDefinitions(String who, AccessContext ctx, int h, boolean owner, LegacyRole role) {
        assertThat(ctx.highestPosition()).isEqualTo(h);
        assertThat(ctx.isOwner()).isEqualTo(owner);
        assertThat(ctx.isProtectedTarget()).isEqualTo(owner);
        assertThat(ctx.legacyRole()).isEqualTo(role);
    }

    @Test
    void nonMemberStandsAtZeroAndHasNoLegacyRole() {
        AccessContext outsider = nonMember(ALICE);

        assertThat(outsider.highestPosition()).isZero();
        assertThat(outsider.isOwner()).isFalse();
        assertThatThrownBy(outsider::legacyRole).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void memberContextAddsTheImplicitRolesOnceEvenIfStoredAsAssignments() {
        AccessContext ctx = AccessContext.member(ALICE, false, ROLES, List.of(EVERYONE.id(), MEMBER.id(), HELPER.id()));

        assertThat(ctx.effectiveRoles()).containsExactly(EVERYONE, MEMBER, HELPER);
    }

    @Test
    void anAssignmentNamingAnUnknownRoleIsDataCorruption() {
        assertThatThrownBy(() -> AccessContext.member(ALICE, false, ROLES, List.of(RoleId.of(ulid(999)))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNonMemberCannotCarryRoles() {
        assertThatThrownBy(() -> new AccessContext(ALICE, false, false, List.of(EVERYONE), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
