package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.RoleAssignmentCommand;
import dev.filament.application.guild.port.out.GuildRepository;
import dev.filament.application.guild.port.out.MemberRepository;
import dev.filament.application.wire.GuildEvent;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.access.AccessContext;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.role.Role;
import java.time.Instant;

/**
 * Shared steps of assign and unassign: the ladder, the role of G, the target's rank and membership, the post-commit
 * effects.
 */
public final class RoleAssignments {
    private final AccessLadder ladder;
    private final GuildRepository guilds;
    private final MemberRepository members;
    private final HandOffs handOffs;

    public RoleAssignments(AccessLadder ladder, GuildRepository guilds, MemberRepository members, HandOffs handOffs) {
        this.ladder = ladder;
        this.guilds = guilds;
        this.members = members;
        this.handOffs = handOffs;
    }

    /** {@code G}, {@code GP(manage_member_roles)}, guild row lock, role of G (404). */
    Loaded load(RoleAssignmentCommand c) {
        GuildAccess access = ladder.guild(c.user(), c.guild()).require(Permission.MANAGE_MEMBER_ROLES);
        guilds.lock(c.guild()).orElseThrow();
        Role role = access.roles().find(c.role()).orElseThrow(() -> new NotFoundException("role"));
        return new Loaded(access, role);
    }

    /**
     * The target's guild-level context for the hierarchy rule, read under the guild row lock that every membership
     * and assignment write holds, so it cannot change before this transaction ends.
     */
    AccessContext target(Loaded loaded, RoleAssignmentCommand c) {
        return ladder.contextOf(loaded.access().snapshot(), c.target());
    }

    void requireMember(RoleAssignmentCommand c) {
        if (!members.lock(c.guild(), c.target())) {
            throw new NotFoundException("member");
        }
    }

    /** {@code workspace_role_assignment_add}, then revalidation and voice. */
    void afterAssign(RoleAssignmentCommand c, Instant now) {
        afterCommit(c, GuildEvent.RoleAssignmentAdd.of(c.guild(), c.target(), c.role(), now, c.user()));
    }

    /** {@code workspace_role_assignment_remove}, then revalidation and voice. */
    void afterUnassign(RoleAssignmentCommand c, Instant now) {
        afterCommit(c, GuildEvent.RoleAssignmentRemove.of(c.guild(), c.target(), c.role(), now, c.user()));
    }

    private void afterCommit(RoleAssignmentCommand c, GuildEvent event) {
        handOffs.publishToGuild(c.guild(), event);
        handOffs.revalidate(c.guild());
    }

    record Loaded(GuildAccess access, Role role) {
    }
}
