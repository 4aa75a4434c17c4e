package dev.filament.domain.guild.policy;

import static dev.filament.domain.guild.GuildFixtures.ADMIN;
import static dev.filament.domain.guild.GuildFixtures.ALICE;
import static dev.filament.domain.guild.GuildFixtures.ARTIST;
import static dev.filament.domain.guild.GuildFixtures.EVERYONE;
import static dev.filament.domain.guild.GuildFixtures.HELPER;
import static dev.filament.domain.guild.GuildFixtures.MEMBER;
import static dev.filament.domain.guild.GuildFixtures.MODERATOR;
import static dev.filament.domain.guild.GuildFixtures.ROLES;
import static dev.filament.domain.guild.GuildFixtures.WORKSPACE_OWNER;
import static dev.filament.domain.guild.GuildFixtures.custom;
import static dev.filament.domain.guild.GuildFixtures.outcome;
import static dev.filament.domain.guild.GuildFixtures.ulid;
import static dev.filament.domain.guild.policy.Cast.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.access.AccessContext;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.GuildRoles;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.id.RoleId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Role reorder (SPEC 5.9): list shape 400, manageability 403, length below H(actor), positions length..1. */
class RoleReorderPolicyTest {

    @Test
    void listShapeViolationsAre400() {
        List<RoleId> tooMany = IntStream.range(0, 65).mapToObj(i -> RoleId.of(ulid(2000 + i))).toList();

        assertThatThrownBy(() -> RoleReorderPolicy.requireValidList(List.of(), ROLES))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> RoleReorderPolicy.requireValidList(tooMany, ROLES))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> RoleReorderPolicy.requireValidList(List.of(ARTIST.id(), ARTIST.id()), ROLES))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> RoleReorderPolicy.requireValidList(List.of(ARTIST.id(), RoleId.of(ulid(999))), ROLES))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void sixtyFourUniqueRolesOfTheGuildFormAValidList() {
        List<Role> many = IntStream.range(0, 60).mapToObj(i -> custom(3000 + i, "r" + i, 5, PermissionSet.NONE))
                .toList();
        List<Role> all = new ArrayList<>(ROLES.all());
        all.addAll(many);
        GuildRoles big = GuildRoles.of(all);
        List<RoleId> ids = all.stream().limit(64).map(Role::id).toList();

        assertThat(RoleReorderPolicy.requireValidList(ids, big)).hasSize(64);
    }

    @Test
    void validListIsReturnedInRequestOrder() {
        assertThat(RoleReorderPolicy.requireValidList(List.of(HELPER.id(), ARTIST.id()), ROLES))
                .containsExactly(HELPER, ARTIST);
    }

    @Test
    void everyRoleMustBeManageableAndNotIsSystem() {
        assertThat(outcome(RoleReorderPolicy.canReorder(actor("so"), List.of(ADMIN, HELPER, ARTIST, MODERATOR))))
                .isEqualTo("allowed");
        assertThat(outcome(RoleReorderPolicy.canReorder(actor("so"), List.of(ARTIST, EVERYONE))))
                .isEqualTo("forbidden");
        assertThat(outcome(RoleReorderPolicy.canReorder(actor("so"), List.of(WORKSPACE_OWNER))))
                .isEqualTo("forbidden");
        assertThat(outcome(RoleReorderPolicy.canReorder(actor("wo"), List.of(ADMIN, MEMBER)))).isEqualTo("allowed");
        assertThat(outcome(RoleReorderPolicy.canReorder(actor("mod"), List.of(ARTIST, MODERATOR))))
                .isEqualTo("forbidden");
        assertThat(outcome(RoleReorderPolicy.canReorder(actor("helper"), List.of(ARTIST)))).isEqualTo("allowed");
        assertThat(outcome(RoleReorderPolicy.canReorder(actor("plain"), List.of(ARTIST)))).isEqualTo("forbidden");
    }

    @Test
    void nonOwnerListLengthMustStayBelowItsHighestPosition() {
        Role two = custom(60, "two", 2, PermissionSet.NONE);
        Role oneA = custom(61, "one-a", 1, PermissionSet.NONE);
        Role oneB = custom(62, "one-b", 1, PermissionSet.NONE);
        GuildRoles roles = GuildRoles.of(List.of(EVERYONE, MEMBER, MODERATOR, WORKSPACE_OWNER, two, oneA, oneB));
        AccessContext atTwo = AccessContext.member(ALICE, false, roles, List.of(two.id()));

        assertThat(outcome(RoleReorderPolicy.canReorder(atTwo, List.of(oneA)))).isEqualTo("allowed");
        assertThat(outcome(RoleReorderPolicy.canReorder(atTwo, List.of(oneA, oneB)))).isEqualTo("forbidden");
    }

    @Test
    void firstIdGetsTheListLengthAndTheLastGetsOne() {
        assertThat(RoleReorderPolicy.positions(List.of(ADMIN.id(), HELPER.id(), ARTIST.id())))
                .containsExactly(
                        Map.entry(ADMIN.id(), 3),
                        Map.entry(HELPER.id(), 2),
                        Map.entry(ARTIST.id(), 1));
    }
}
