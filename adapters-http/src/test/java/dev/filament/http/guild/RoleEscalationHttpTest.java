package dev.filament.http.guild;

import static dev.filament.http.testing.HttpFixture.accepted;
import static dev.filament.http.testing.HttpFixture.error;
import static dev.filament.http.testing.HttpFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.guild.Visibility;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.GuildId;
import dev.filament.http.testing.HttpFixture.Caller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #12 items 4, 5 and 6 over real HTTP: the statuses and error codes SPEC 5.9 and 6.1 name for the default join
 * role, the target's rank on assign/unassign and the assignment cap of {@code PATCH /guilds/{g}/members/{u}}; every
 * refusal writes nothing.
 */
class RoleEscalationHttpTest {
    private static GuildHttpFixture f;

    @BeforeAll
    static void start() {
        f = new GuildHttpFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String roles(GuildId g) {
        return "/guilds/" + g.value() + "/roles";
    }

    /** A member holding one custom role with these permissions at this position. */
    private static Caller memberWith(GuildId g, int position, Permission... permissions) {
        Caller c = f.member(g);
        f.guilds.assign(g, f.guilds.customRole(g, position, permissions), c.id());
        return c;
    }

    @Test
    void defaultJoinRole_carryingBitsTheManagerLacks_is403_andASeededRoleIs400() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        Caller manager = memberWith(g, 50, Permission.MANAGE_WORKSPACE_ROLES, Permission.MANAGE_MEMBER_ROLES);
        Role kickAndAudit = f.guilds.customRole(g, 10, Permission.BAN_MEMBER, Permission.VIEW_AUDIT_LOG);
        Role plain = f.guilds.customRole(g, 11);
        String moderator = f.guilds.seeded(g, SystemRoleKey.MODERATOR).id().value();
        String before = f.snapshot();

        error(f.http.post(roles(g) + "/default", manager, "{\"role_id\":\"" + kickAndAudit.id().value() + "\"}"),
                403, "forbidden");
        error(f.http.post(roles(g) + "/default", owner, "{\"role_id\":\"" + moderator + "\"}"), 400,
                "invalid_request");
        f.assertUnchanged(before);

        accepted(f.http.post(roles(g) + "/default", manager, "{\"role_id\":\"" + plain.id().value() + "\"}"));
        assertThat(json(f.http.get(roles(g), owner), 200).get("default_join_role_id").asText())
                .isEqualTo(plain.id().value());
    }

    @Test
    void aModeratorCannotUnassignOrAssignARoleOfTheOwnerOrAHigherMember_403() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        Caller moderator = f.member(g, SystemRoleKey.MODERATOR);
        Caller higher = memberWith(g, 200);
        Caller lower = f.member(g);
        Role crew = f.guilds.customRole(g, 10, Permission.CREATE_MESSAGE);
        f.guilds.assign(g, crew, owner.id());
        f.guilds.assign(g, crew, higher.id());
        String before = f.snapshot();

        for (Caller target : new Caller[] {owner, higher}) {
            String path = roles(g) + "/" + crew.id().value() + "/members/" + target.id().value();
            error(f.http.send("DELETE", path, moderator, null), 403, "forbidden");
        }
        error(f.http.post(roles(g) + "/" + crew.id().value() + "/members/" + higher.id().value(), moderator, null),
                403, "forbidden");
        error(f.http.post(roles(g) + "/" + crew.id().value() + "/members/" + f.user().id().value(), moderator,
                null), 404, "not_found");
        f.assertUnchanged(before);

        String lowerPath = roles(g) + "/" + crew.id().value() + "/members/" + lower.id().value();
        accepted(f.http.post(lowerPath, moderator, null));
        accepted(f.http.send("DELETE", lowerPath, moderator, null));
    }

    @Test
    void patchToModerator_withSixteenAssignments_is409QuotaExceeded() throws Exception {
        Caller owner = f.user();
        GuildId g = f.guild(owner, Visibility.PRIVATE);
        Caller full = f.member(g);
        for (int i = 1; i <= 16; i++) {
            f.guilds.assign(g, f.guilds.customRole(g, i), full.id());
        }
        String before = f.snapshot();

        error(f.http.send("PATCH", "/guilds/" + g.value() + "/members/" + full.id().value(), owner,
                "{\"role\":\"moderator\"}"), 409, "quota_exceeded");
        f.assertUnchanged(before);
    }
}
