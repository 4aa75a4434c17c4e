package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.MemberEntry;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Fake {@link MemberRepository} over an {@link InMemoryGuildDatabase}; deleting cascades to assignments. */
public final class InMemoryMemberRepository implements MemberRepository {
    private final InMemoryGuildDatabase db;
    private final InMemoryRoleRepository roles;

    public InMemoryMemberRepository(InMemoryGuildDatabase db) {
        this.db = db;
        this.roles = new InMemoryRoleRepository(db);
    }

    private TreeMap<UserId, Instant> of(GuildId guild) {
        return db.members.computeIfAbsent(guild, g -> new TreeMap<>());
    }

    @Override
    public boolean isMember(GuildId guild, UserId user) {
        synchronized (db) {
            return of(guild).containsKey(user);
        }
    }

    @Override
    public boolean lock(GuildId guild, UserId user) {
        return isMember(guild, user);
    }

    @Override
    public boolean insertIfAbsent(GuildId guild, UserId user, Instant joinedAt) {
        synchronized (db) {
            return of(guild).putIfAbsent(user, joinedAt) == null;
        }
    }

    @Override
    public boolean delete(GuildId guild, UserId user) {
        synchronized (db) {
            db.assignments.removeIf(a -> a.guild().equals(guild) && a.user().equals(user));
            return of(guild).remove(user) != null;
        }
    }

    @Override
    public List<MemberEntry> page(GuildId guild, Optional<UserId> after, int limit) {
        synchronized (db) {
            var tail = after.isPresent() ? of(guild).tailMap(after.get(), false) : of(guild);
            return tail.keySet().stream().limit(limit)
                    .map(u -> new MemberEntry(u, roles.assignmentsOf(guild, u))).toList();
        }
    }
}
