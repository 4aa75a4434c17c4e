package dev.filament.domain.guild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.error.FilamentException;
import dev.filament.domain.guild.access.AccessContext;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.CustomPosition;
import dev.filament.domain.guild.role.GuildRoles;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.RoleName;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.policy.Decision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Shared test data: one guild with its four seeded roles and two custom roles, plus decision assertions. */
public final class GuildFixtures {
    public static final GuildId GUILD = GuildId.of(ulid(1));

    public static final Role EVERYONE = Role.seed(SystemRoleKey.EVERYONE, RoleId.of(ulid(10)), GUILD);
    public static final Role MEMBER = Role.seed(SystemRoleKey.MEMBER, RoleId.of(ulid(11)), GUILD);
    public static final Role MODERATOR = Role.seed(SystemRoleKey.MODERATOR, RoleId.of(ulid(12)), GUILD);
    public static final Role WORKSPACE_OWNER = Role.seed(SystemRoleKey.WORKSPACE_OWNER, RoleId.of(ulid(13)), GUILD);
    /** Custom role at position 50: delete_message, view_audit_log, manage_member_roles. */
    public static final Role HELPER = custom(14, "helper", 50,
            PermissionSet.of(Permission.DELETE_MESSAGE, Permission.VIEW_AUDIT_LOG, Permission.MANAGE_MEMBER_ROLES));
    /** Custom role at position 20: publish_video. */
    public static final Role ARTIST = custom(15, "artist", 20, PermissionSet.of(Permission.PUBLISH_VIDEO));
    /** Custom role at position 200: manage_workspace_roles, manage_roles, ban_member. */
    public static final Role ADMIN = custom(16, "admin", 200, PermissionSet.of(
            Permission.MANAGE_WORKSPACE_ROLES, Permission.MANAGE_ROLES, Permission.BAN_MEMBER,
            Permission.CREATE_MESSAGE));

    public static final GuildRoles ROLES =
            GuildRoles.of(List.of(EVERYONE, MEMBER, MODERATOR, WORKSPACE_OWNER, HELPER, ARTIST, ADMIN));

    public static final UserId ALICE = UserId.of(ulid(100));
    public static final UserId BOB = UserId.of(ulid(101));

    private GuildFixtures() {
    }

    /** A valid ULID whose last digits are {@code n}. */
    public static String ulid(int n) {
        return String.format("01J0000000000000000000%04d", n);
    }

    public static Role custom(int idSuffix, String name, int position, PermissionSet permissions) {
        return Role.createCustom(RoleId.of(ulid(idSuffix)), GUILD, RoleName.of(name), CustomPosition.of(position),
                permissions, Optional.empty());
    }

    /** A plain member of the fixture guild holding these explicit roles. */
    public static AccessContext member(UserId user, Role... explicit) {
        return AccessContext.member(user, false, ROLES, Arrays.stream(explicit).map(Role::id).toList());
    }

    /** A user with no membership row. */
    public static AccessContext nonMember(UserId user) {
        return AccessContext.nonMember(user, false);
    }

    /** The server owner, not a member of the guild. */
    public static AccessContext serverOwner(UserId user) {
        return AccessContext.nonMember(user, true);
    }

    public static AccessContext workspaceOwner(UserId user) {
        return member(user, WORKSPACE_OWNER);
    }

    public static List<Role> rolesWith(Role... extra) {
        List<Role> out = new ArrayList<>(List.of(EVERYONE, MEMBER));
        out.addAll(List.of(extra));
        return out;
    }

    public static void assertAllowed(Decision decision) {
        assertThat(decision.isAllowed()).as("decision allowed").isTrue();
    }

    /** The error a denied decision carries; fails the test when the decision allows. */
    public static FilamentException denial(Decision decision) {
        assertThat(decision).as("decision denied").isInstanceOf(Decision.Denied.class);
        return ((Decision.Denied) decision).error().get();
    }

    /** The wire code of the decision's error, or {@code "allowed"}; handy as one column of a table. */
    public static String outcome(Decision decision) {
        return decision.isAllowed() ? "allowed" : denial(decision).code();
    }
}
