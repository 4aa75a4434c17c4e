package dev.filament.application.guild.port.out;

import dev.filament.application.guild.service.RepositoryAccessLoader;
import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.GuildBan;
import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.access.OverrideTargetKind;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.guild.ipban.IpObservation;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.IpBanId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.Cidr;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Fake: the guild tables of SPEC 12 in memory, shared by the {@code InMemory...} repositories so that cascades
 * (membership → assignments, role → assignments and overrides) behave like the schema. Every access synchronizes on
 * this object; row locks are no-ops because {@link dev.filament.application.shared.fakes.InMemoryUnitOfWork} is serial.
 * Enlisted with an {@link InMemoryUnitOfWork}, a transaction whose work throws leaves every table as it found it.
 */
public final class InMemoryGuildDatabase implements InMemoryUnitOfWork.Participant {
    final Map<GuildId, Guild> guilds = new LinkedHashMap<>();
    final Map<RoleId, StoredRole> roles = new LinkedHashMap<>();
    final Map<GuildId, TreeMap<UserId, Instant>> members = new HashMap<>();
    final Set<Assignment> assignments = new HashSet<>();
    final Map<ChannelId, Channel> channels = new LinkedHashMap<>();
    final Map<OverrideKey, StoredOverride> overrides = new LinkedHashMap<>();
    final Map<BanKey, GuildBan> bans = new LinkedHashMap<>();
    final Map<IpBanId, IpBan> ipBans = new LinkedHashMap<>();
    final Map<UserId, Map<Cidr, IpObservation>> observations = new HashMap<>();
    final List<AuditEntry> audit = new ArrayList<>();
    final Set<UserId> users = new HashSet<>();

    record StoredRole(Role role, Instant createdAt) {
    }

    record Assignment(GuildId guild, RoleId role, UserId user) {
    }

    record OverrideKey(ChannelId channel, OverrideTargetKind kind, String targetId) {
    }

    record StoredOverride(GuildId guild, ChannelOverride row, Instant updatedAt) {
    }

    record BanKey(GuildId guild, UserId user) {
    }

    /** Every port over this database, joined to {@code unitOfWork}. */
    public GuildPorts store(UnitOfWork unitOfWork) {
        InMemoryGuildRepository g = new InMemoryGuildRepository(this);
        InMemoryRoleRepository r = new InMemoryRoleRepository(this);
        InMemoryMemberRepository m = new InMemoryMemberRepository(this);
        InMemoryChannelRepository c = new InMemoryChannelRepository(this);
        return new GuildPorts(unitOfWork, g, c, r, m, new InMemoryBanRepository(this),
                new InMemoryIpBanRepository(this), new InMemoryIpObservations(this), new InMemoryAuditLog(this),
                new InMemoryUserDirectory(this), new RepositoryAccessLoader(g, r, m, c));
    }

    /** Takes part in rollback: a copy of every table now, and the action that puts it back. */
    @Override
    public synchronized Runnable snapshot() {
        Map<GuildId, Guild> guildsThen = new LinkedHashMap<>(guilds);
        Map<RoleId, StoredRole> rolesThen = new LinkedHashMap<>(roles);
        Map<GuildId, TreeMap<UserId, Instant>> membersThen = new HashMap<>();
        members.forEach((guild, rows) -> membersThen.put(guild, new TreeMap<>(rows)));
        Set<Assignment> assignmentsThen = new HashSet<>(assignments);
        Map<ChannelId, Channel> channelsThen = new LinkedHashMap<>(channels);
        Map<OverrideKey, StoredOverride> overridesThen = new LinkedHashMap<>(overrides);
        Map<BanKey, GuildBan> bansThen = new LinkedHashMap<>(bans);
        Map<IpBanId, IpBan> ipBansThen = new LinkedHashMap<>(ipBans);
        Map<UserId, Map<Cidr, IpObservation>> observationsThen = new HashMap<>();
        observations.forEach((user, rows) -> observationsThen.put(user, new HashMap<>(rows)));
        List<AuditEntry> auditThen = new ArrayList<>(audit);
        Set<UserId> usersThen = new HashSet<>(users);
        return () -> {
            synchronized (this) {
                restore(guilds, guildsThen);
                restore(roles, rolesThen);
                restore(members, membersThen);
                assignments.clear();
                assignments.addAll(assignmentsThen);
                restore(channels, channelsThen);
                restore(overrides, overridesThen);
                restore(bans, bansThen);
                restore(ipBans, ipBansThen);
                restore(observations, observationsThen);
                audit.clear();
                audit.addAll(auditThen);
                users.clear();
                users.addAll(usersThen);
            }
        };
    }

    private static <K, V> void restore(Map<K, V> table, Map<K, V> then) {
        table.clear();
        table.putAll(then);
    }

    /** Test setup: a user row. */
    public synchronized void addUser(UserId user) {
        users.add(user);
    }

    /** Test setup: an observation row, upserted on (user, network) like SPEC 6.5. */
    public synchronized void observe(IpObservation observation) {
        observations.computeIfAbsent(observation.user(), u -> new HashMap<>())
                .merge(observation.network(), observation, (old, now) -> new IpObservation(old.user(),
                        old.network(), old.firstSeenAt(), now.lastSeenAt()));
    }

    /** Test inspection: every audit row in insertion order. */
    public synchronized List<AuditEntry> auditRows() {
        return List.copyOf(audit);
    }

    /** Test inspection: a cheap fingerprint of every table, to assert that a failure wrote nothing. */
    public synchronized String fingerprint() {
        return List.of(guilds, roles, members, assignments, channels, overrides, bans, ipBans, audit).toString();
    }
}
