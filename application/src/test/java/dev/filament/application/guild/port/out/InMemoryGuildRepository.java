package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.PublicGuildQuery;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Fake {@link GuildRepository} over an {@link InMemoryGuildDatabase}. */
public final class InMemoryGuildRepository implements GuildRepository {
    static final Comparator<Guild> NEWEST_FIRST =
            Comparator.comparing(Guild::createdAt).thenComparing(Guild::id).reversed();
    private final InMemoryGuildDatabase db;

    public InMemoryGuildRepository(InMemoryGuildDatabase db) {
        this.db = db;
    }

    @Override
    public void insertWithOwner(Guild guild, List<Role> seededRoles) {
        synchronized (db) {
            db.guilds.put(guild.id(), guild);
            for (Role r : seededRoles) {
                db.roles.put(r.id(), new InMemoryGuildDatabase.StoredRole(r, guild.createdAt()));
            }
            db.members.computeIfAbsent(guild.id(), g -> new TreeMap<>()).put(guild.createdBy(), guild.createdAt());
            Role owner = seededRoles.stream().filter(r -> r.is(SystemRoleKey.WORKSPACE_OWNER)).findFirst()
                    .orElseThrow();
            db.assignments.add(new InMemoryGuildDatabase.Assignment(guild.id(), owner.id(), guild.createdBy()));
        }
    }

    @Override
    public Optional<Guild> find(GuildId id) {
        synchronized (db) {
            return Optional.ofNullable(db.guilds.get(id));
        }
    }

    @Override
    public Optional<Guild> lock(GuildId id) {
        return find(id);
    }

    @Override
    public int countCreatedBy(UserId creator) {
        synchronized (db) {
            return (int) db.guilds.values().stream().filter(g -> g.createdBy().equals(creator)).count();
        }
    }

    @Override
    public List<Guild> listForMember(UserId user, int limit) {
        synchronized (db) {
            return db.guilds.values().stream()
                    .filter(g -> db.members.getOrDefault(g.id(), new TreeMap<>()).containsKey(user))
                    .sorted(NEWEST_FIRST).limit(limit).toList();
        }
    }

    @Override
    public List<Guild> listPublic(PublicGuildQuery query, int limit) {
        synchronized (db) {
            return db.guilds.values().stream()
                    .filter(Guild::isPublic)
                    .filter(g -> query.matches(g.name().value()))
                    .sorted(NEWEST_FIRST).limit(limit).toList();
        }
    }

    @Override
    public void update(Guild guild) {
        synchronized (db) {
            db.guilds.computeIfPresent(guild.id(), (id, old) -> guild);
        }
    }
}
