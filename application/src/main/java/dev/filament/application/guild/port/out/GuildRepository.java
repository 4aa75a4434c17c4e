package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.PublicGuildQuery;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: the guild rows (table {@code guilds}) and the rows created with a guild. Every method runs inside the
 * caller's {@link dev.filament.application.shared.port.out.UnitOfWork} transaction and blocks only within the database
 * bounds. Lists are ordered {@code created_at DESC, guild_id DESC}.
 */
public interface GuildRepository {

    /**
     * Inserts the guild, its four seeded roles (created at {@code guild.createdAt()}), the creator's membership and
     * the creator's explicit {@code workspace_owner} assignment, all in the current transaction.
     */
    void insertWithOwner(Guild guild, List<Role> seededRoles);

    Optional<Guild> find(GuildId id);

    /**
     * Like {@link #find} but holds the guild row lock ({@code FOR UPDATE}) until the transaction ends. Role writes,
     * membership and assignment writes and ban inserts of the guild happen under it; a second caller waits (bounded by
     * the unit of work's lock timeout) and then reads what the first committed.
     */
    Optional<Guild> lock(GuildId id);

    /** Guilds with {@code created_by_user_id = creator}; call while holding the creator's user row lock. */
    int countCreatedBy(UserId creator);

    /** Guilds where {@code user} is a member, newest first, at most {@code limit}. */
    List<Guild> listForMember(UserId user, int limit);

    /** Public guilds whose name matches {@code query} (all when empty), newest first, at most {@code limit}. */
    List<Guild> listPublic(PublicGuildQuery query, int limit);

    /** Writes name, visibility and default join role of an existing guild. */
    void update(Guild guild);
}
