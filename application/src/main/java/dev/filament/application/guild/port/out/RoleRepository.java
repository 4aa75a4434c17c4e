package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.role.Role;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Out-port: the roles of a guild and their explicit assignments (tables {@code guild_roles},
 * {@code guild_role_members}). Runs inside the caller's transaction; role mutations are made while the caller holds
 * the guild row lock, assignment inserts while it holds the target's membership row lock.
 */
public interface RoleRepository {

    /** Every role of the guild, {@code position DESC, created_at ASC, role_id ASC}. */
    List<Role> listOf(GuildId guild);

    void insert(Role role, Instant createdAt);

    /** Writes name, position, permissions and colour of an existing role. */
    void update(Role role);

    /**
     * Deletes the role, its assignments and every channel override targeting it, and clears the guild's
     * {@code default_join_role_id} when it pointed at it.
     */
    void delete(GuildId guild, RoleId role);

    /** The user's explicit assignments in the guild, ascending; empty for a non-member. */
    List<RoleId> assignmentsOf(GuildId guild, UserId user);

    /** Explicit assignments of several users in one query; users without any are absent. */
    Map<UserId, List<RoleId>> assignmentsOf(GuildId guild, Collection<UserId> users);

    /** Inserts the assignment; false when it already existed. The user must be a member. */
    boolean assign(GuildId guild, RoleId role, UserId user, Instant at);

    /** Deletes the assignment; false when there was none. */
    boolean unassign(GuildId guild, RoleId role, UserId user);

    /** How many members hold {@code role} explicitly. */
    long countHolders(GuildId guild, RoleId role);

    /** Members holding at least one of {@code roles} explicitly. */
    Set<UserId> holdersOfAny(GuildId guild, Collection<RoleId> roles);
}
