package dev.filament.application.guild.port.out;

import dev.filament.application.guild.port.out.InMemoryGuildDatabase.Assignment;
import dev.filament.application.guild.port.out.InMemoryGuildDatabase.StoredRole;
import dev.filament.domain.guild.access.OverrideTargetKind;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Fake {@link RoleRepository} over an {@link InMemoryGuildDatabase}. */
public final class InMemoryRoleRepository implements RoleRepository {
    private static final Comparator<StoredRole> ORDER = Comparator
            .comparing((StoredRole s) -> -s.role().position())
            .thenComparing(StoredRole::createdAt)
            .thenComparing(s -> s.role().id());
    private final InMemoryGuildDatabase db;

    public InMemoryRoleRepository(InMemoryGuildDatabase db) {
        this.db = db;
    }

    @Override
    public List<Role> listOf(GuildId guild) {
        synchronized (db) {
            return db.roles.values().stream().filter(s -> s.role().guildId().equals(guild)).sorted(ORDER)
                    .map(StoredRole::role).toList();
        }
    }

    @Override
    public void insert(Role role, Instant createdAt) {
        synchronized (db) {
            db.roles.put(role.id(), new StoredRole(role, createdAt));
        }
    }

    @Override
    public void update(Role role) {
        synchronized (db) {
            db.roles.computeIfPresent(role.id(), (id, old) -> new StoredRole(role, old.createdAt()));
        }
    }

    @Override
    public void delete(GuildId guild, RoleId role) {
        synchronized (db) {
            db.roles.remove(role);
            db.assignments.removeIf(a -> a.role().equals(role));
            db.overrides.keySet().removeIf(k -> k.kind() == OverrideTargetKind.ROLE
                    && k.targetId().equals(role.value()));
            db.guilds.computeIfPresent(guild, (id, g) -> g.defaultJoinRole().equals(Optional.of(role))
                    ? g.withDefaultJoinRole(Optional.empty()) : g);
        }
    }

    @Override
    public List<RoleId> assignmentsOf(GuildId guild, UserId user) {
        synchronized (db) {
            return db.assignments.stream().filter(a -> a.guild().equals(guild) && a.user().equals(user))
                    .map(Assignment::role).sorted().toList();
        }
    }

    @Override
    public Map<UserId, List<RoleId>> assignmentsOf(GuildId guild, Collection<UserId> users) {
        synchronized (db) {
            return db.assignments.stream().filter(a -> a.guild().equals(guild) && users.contains(a.user()))
                    .collect(Collectors.groupingBy(Assignment::user, TreeMap::new,
                            Collectors.mapping(Assignment::role, Collectors.collectingAndThen(Collectors.toList(),
                                    l -> l.stream().sorted().toList()))));
        }
    }

    @Override
    public boolean assign(GuildId guild, RoleId role, UserId user, Instant at) {
        synchronized (db) {
            if (!db.members.getOrDefault(guild, new TreeMap<>()).containsKey(user)) {
                throw new IllegalStateException("foreign key: " + user + " is not a member of " + guild);
            }
            return db.assignments.add(new Assignment(guild, role, user));
        }
    }

    @Override
    public boolean unassign(GuildId guild, RoleId role, UserId user) {
        synchronized (db) {
            return db.assignments.remove(new Assignment(guild, role, user));
        }
    }

    @Override
    public long countHolders(GuildId guild, RoleId role) {
        synchronized (db) {
            return db.assignments.stream().filter(a -> a.guild().equals(guild) && a.role().equals(role)).count();
        }
    }

    @Override
    public Set<UserId> holdersOfAny(GuildId guild, Collection<RoleId> roles) {
        synchronized (db) {
            return db.assignments.stream().filter(a -> a.guild().equals(guild) && roles.contains(a.role()))
                    .map(Assignment::user).collect(Collectors.toSet());
        }
    }
}
