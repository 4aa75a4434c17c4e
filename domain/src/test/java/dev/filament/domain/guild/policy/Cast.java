package dev.filament.domain.guild.policy;

import static dev.filament.domain.guild.GuildFixtures.ADMIN;
import static dev.filament.domain.guild.GuildFixtures.ALICE;
import static dev.filament.domain.guild.GuildFixtures.ARTIST;
import static dev.filament.domain.guild.GuildFixtures.BOB;
import static dev.filament.domain.guild.GuildFixtures.EVERYONE;
import static dev.filament.domain.guild.GuildFixtures.HELPER;
import static dev.filament.domain.guild.GuildFixtures.MEMBER;
import static dev.filament.domain.guild.GuildFixtures.MODERATOR;
import static dev.filament.domain.guild.GuildFixtures.ROLES;
import static dev.filament.domain.guild.GuildFixtures.WORKSPACE_OWNER;
import static dev.filament.domain.guild.GuildFixtures.member;

import dev.filament.domain.guild.access.AccessContext;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.id.UserId;
import java.util.List;
import java.util.Map;

/** Named actors, targets and roles so that policy tables can be written as CSV rows. */
final class Cast {
    private static final Map<String, Role> ROLE_BY_NAME = Map.of(
            "everyone", EVERYONE, "member", MEMBER, "artist", ARTIST, "helper", HELPER, "moderator", MODERATOR,
            "admin", ADMIN, "workspace_owner", WORKSPACE_OWNER);

    private Cast() {
    }

    static Role role(String name) {
        Role r = ROLE_BY_NAME.get(name);
        if (r == null) {
            throw new IllegalArgumentException("no role " + name);
        }
        return r;
    }

    static AccessContext actor(String name) {
        return person(ALICE, name);
    }

    static AccessContext target(String name) {
        return person(BOB, name);
    }

    /**
     * so = server owner (non-member), so_member = server owner with membership, wo = workspace owner,
     * admin (H 200), mod (H 100), helper (H 50), plain (H 1), outsider = non-member.
     */
    static AccessContext person(UserId user, String name) {
        return switch (name) {
            case "so" -> AccessContext.nonMember(user, true);
            case "so_member" -> AccessContext.member(user, true, ROLES, List.of());
            case "wo" -> member(user, WORKSPACE_OWNER);
            case "admin" -> member(user, ADMIN);
            case "mod" -> member(user, MODERATOR);
            case "helper" -> member(user, HELPER);
            case "plain" -> member(user);
            case "outsider" -> AccessContext.nonMember(user, false);
            default -> throw new IllegalArgumentException("no person " + name);
        };
    }
}
