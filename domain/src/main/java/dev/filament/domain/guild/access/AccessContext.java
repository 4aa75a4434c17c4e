package dev.filament.domain.guild.access;

import dev.filament.domain.guild.role.GuildRoles;
import dev.filament.domain.guild.role.LegacyRole;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts permission evaluation and the hierarchy policies read about one user in one guild (SPEC 5.3): whether
 * the user is the server owner, whether a member, the effective roles R (implicit {@code @everyone} and
 * {@code member} included) and, at channel level, the channel's override rows.
 */
public record AccessContext(UserId user, boolean isServerOwner, boolean isMember, List<Role> effectiveRoles,
                            Optional<List<ChannelOverride>> channelOverrides) {

    /** H(U) of the server owner: greater than every role position (at most 10000). */
    public static final int SERVER_OWNER_POSITION = Integer.MAX_VALUE;

    public AccessContext {
        Objects.requireNonNull(user, "user");
        effectiveRoles = List.copyOf(effectiveRoles);
        channelOverrides = channelOverrides.map(List::copyOf);
        if (!isMember && !effectiveRoles.isEmpty()) {
            throw new IllegalArgumentException("a non-member has no effective roles");
        }
    }

    /** A member: R = {@code @everyone} + {@code member} + the explicit assignments (SPEC 5.3). Guild level. */
    public static AccessContext member(UserId user, boolean isServerOwner, GuildRoles roles,
                                       Collection<RoleId> explicitAssignments) {
        List<Role> r = new ArrayList<>();
        r.add(roles.seeded(SystemRoleKey.EVERYONE));
        r.add(roles.seeded(SystemRoleKey.MEMBER));
        for (RoleId id : explicitAssignments) {
            Role role = roles.find(id).orElseThrow(
                    () -> new IllegalStateException("assignment of user " + user + " names unknown role " + id));
            if (!role.is(SystemRoleKey.EVERYONE) && !role.is(SystemRoleKey.MEMBER)) {
                r.add(role);
            }
        }
        return new AccessContext(user, isServerOwner, true, r, Optional.empty());
    }

    /** A user without a membership row in the guild (possibly the server owner). Guild level. */
    public static AccessContext nonMember(UserId user, boolean isServerOwner) {
        return new AccessContext(user, isServerOwner, false, List.of(), Optional.empty());
    }

    /** The same user evaluated in a channel with these override rows. */
    public AccessContext inChannel(List<ChannelOverride> overrides) {
        return new AccessContext(user, isServerOwner, isMember, effectiveRoles, Optional.of(overrides));
    }

    /** The same user at guild level: guild-level checks never consult overrides (SPEC 5.4 step 5). */
    public AccessContext atGuildLevel() {
        return new AccessContext(user, isServerOwner, isMember, effectiveRoles, Optional.empty());
    }

    /** True when R contains the seeded role with that key. */
    public boolean holds(SystemRoleKey key) {
        return effectiveRoles.stream().anyMatch(r -> r.is(key));
    }

    public boolean holds(RoleId role) {
        return effectiveRoles.stream().anyMatch(r -> r.id().equals(role));
    }

    /** A member whose R contains {@code workspace_owner}. */
    public boolean isWorkspaceOwner() {
        return isMember && holds(SystemRoleKey.WORKSPACE_OWNER);
    }

    /** "Owner" of SPEC 5.3: workspace owner or server owner. */
    public boolean isOwner() {
        return isServerOwner || isWorkspaceOwner();
    }

    /** Protected target of SPEC 5.3: the server owner or a holder of {@code workspace_owner}; moderation stops. */
    public boolean isProtectedTarget() {
        return isOwner();
    }

    /** H(U): server owner above every position; member the highest position in R; non-member 0. */
    public int highestPosition() {
        if (isServerOwner) {
            return SERVER_OWNER_POSITION;
        }
        return effectiveRoles.stream().mapToInt(Role::position).max().orElse(0);
    }

    /** The legacy role of SPEC 5.3; a user who is neither owner nor member has none. */
    public LegacyRole legacyRole() {
        if (isOwner()) {
            return LegacyRole.OWNER;
        }
        if (!isMember) {
            throw new IllegalStateException("a non-member has no legacy role");
        }
        return holds(SystemRoleKey.MODERATOR) ? LegacyRole.MODERATOR : LegacyRole.MEMBER;
    }
}
