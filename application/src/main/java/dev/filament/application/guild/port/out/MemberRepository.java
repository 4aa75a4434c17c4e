package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.MemberEntry;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: memberships (table {@code guild_members}). Runs inside the caller's transaction. Deleting a membership
 * deletes its explicit role assignments (cascade). Callers insert and delete memberships only while holding the guild
 * row lock ({@link GuildRepository#lock}), as bans are written: that is what keeps a join or an add racing a ban from
 * leaving a banned member (SPEC 6.1, 6.3, 6.7).
 */
public interface MemberRepository {

    boolean isMember(GuildId guild, UserId user);

    /** Holds the membership row lock ({@code FOR UPDATE}) until the transaction ends; false for a non-member. */
    boolean lock(GuildId guild, UserId user);

    /**
     * Inserts the membership unless it exists; false when it existed, also when a concurrent transaction inserted
     * it first ({@code ON CONFLICT DO NOTHING}), so the caller can report {@code already_member}.
     */
    boolean insertIfAbsent(GuildId guild, UserId user, Instant joinedAt);

    /** Deletes the membership and its assignments; false when there was none. */
    boolean delete(GuildId guild, UserId user);

    /**
     * One page of members ordered by {@code user_id ASC}, strictly after {@code after} when given, at most
     * {@code limit}, each with its explicit assignments.
     */
    List<MemberEntry> page(GuildId guild, Optional<UserId> after, int limit);
}
