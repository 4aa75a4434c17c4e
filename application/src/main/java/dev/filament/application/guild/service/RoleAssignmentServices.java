package dev.filament.application.guild.service;

import dev.filament.application.guild.handoff.Wire;
import dev.filament.application.guild.port.in.RoleAssignmentCommand;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.role.Role;
import java.time.Instant;

/** Shared steps of assign and unassign: the ladder, the role of G, the target membership, the post-commit effects. */
final class RoleAssignmentServices {
    private RoleAssignmentServices() {
    }

    /** {@code G}, {@code GP(manage_member_roles)}, guild row lock, role of G (404). */
    static Loaded load(GuildKit kit, RoleAssignmentCommand c) {
        GuildAccess access = kit.ladder().guild(c.user(), c.guild()).require(Permission.MANAGE_MEMBER_ROLES);
        kit.store().guilds().lock(c.guild()).orElseThrow();
        Role role = access.roles().find(c.role()).orElseThrow(() -> new NotFoundException("role"));
        return new Loaded(access, role);
    }

    static void requireMember(GuildKit kit, RoleAssignmentCommand c) {
        if (!kit.store().members().lock(c.guild(), c.target())) {
            throw new NotFoundException("member");
        }
    }

    static void afterCommit(GuildKit kit, RoleAssignmentCommand c, String type, String timeKey, Instant now) {
        kit.handOffs().publishToGuild(c.guild(), type, Wire.object()
                .put("guild_id", c.guild().value()).put("user_id", c.target().value())
                .put("role_id", c.role().value()).put(timeKey, Wire.unix(now))
                .put("actor_user_id", c.user().value()).build());
        kit.handOffs().revalidate(c.guild());
    }

    record Loaded(GuildAccess access, Role role) {
    }
}
