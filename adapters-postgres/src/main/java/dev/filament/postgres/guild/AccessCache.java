package dev.filament.postgres.guild;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.filament.application.guild.port.out.AccessLoader;
import dev.filament.application.guild.port.out.GuildAccessVersions;
import dev.filament.application.guild.port.out.AccessLoader.ChannelSnapshot;
import dev.filament.application.guild.port.out.AccessLoader.GuildSnapshot;
import dev.filament.application.guild.port.out.IpBanRepository;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.IpAddress;
import dev.filament.postgres.GuildChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A per-guild snapshot of the access ladder's data (guild and roles, memberships, channels and overrides, the IP bans
 * containing an address), so a warm request walks the ladder without a database round trip (issue #11).
 *
 * <p>Invalidation (SPEC 5.4): every repository write to a guild's access data is reported to {@link GuildChanges};
 * once that transaction has ended, and before its use case returns, the guild's snapshot is dropped. A snapshot is
 * installed only if no invalidation happened since its load began (a global generation), so a read that raced a
 * commit can never re-install what the commit changed; lazily added parts (one member, one channel) go into the
 * snapshot object the reader took before loading, which an invalidation discards whole. A transaction that wrote a
 * guild reads that guild past the cache (its own writes). Commits made by another process are seen within
 * {@link #MAX_STALENESS} (snapshots expire that long after they were loaded); with several nodes (SPEC 17.8) each
 * snapshot also carries the shared {@link GuildAccessVersions} value it was filled under, every use re-reads it, and an
 * invalidation bumps it, so another node's commit is seen by the next request.
 */
public final class AccessCache {
    /** The longest a snapshot is trusted: the staleness bound for changes committed by another process. */
    public static final Duration MAX_STALENESS = Duration.ofSeconds(5);
    static final int MAX_GUILDS = 10_000;
    /** Per guild: members and client addresses beyond these are read through, not kept. */
    static final int MAX_PARTS = 10_000;

    private final AccessLoader direct;
    private final IpBanRepository directIpBans;
    private final GuildChanges changes;
    private final GuildAccessVersions versions;
    private final AtomicLong generation = new AtomicLong();
    private final Cache<GuildId, Snapshot> snapshots = Caffeine.newBuilder().maximumSize(MAX_GUILDS)
            .expireAfterWrite(MAX_STALENESS).build();

    /** Caches {@code direct} and {@code directIpBans}; listens to {@code changes} for invalidation. */
    public AccessCache(AccessLoader direct, IpBanRepository directIpBans, GuildChanges changes) {
        this(direct, directIpBans, changes, GuildAccessVersions.SINGLE_PROCESS);
    }

    /** Like the single-process cache, checking {@code versions} before serving any snapshot (17.8). */
    public AccessCache(AccessLoader direct, IpBanRepository directIpBans, GuildChanges changes,
            GuildAccessVersions versions) {
        this.versions = versions;
        this.direct = direct;
        this.directIpBans = directIpBans;
        this.changes = changes;
        changes.onChange(this::invalidate);
    }

    /** Drops {@code guild}'s snapshot; loads already running for any guild will not be installed. */
    public void invalidate(GuildId guild) {
        generation.incrementAndGet();
        snapshots.invalidate(guild);
        versions.bump(guild);
    }

    /** The cached access loader: the ladder reads ({@code guild}, {@code membership}, {@code channel}). */
    public AccessLoader loader() {
        return new CachedAccessLoader(this, direct);
    }

    /** The cached IP-ban reads: {@code activeContaining}; everything else goes straight to the database. */
    public IpBanRepository ipBans() {
        return new CachedIpBans(this, directIpBans);
    }

    Optional<GuildSnapshot> guild(GuildId guild) {
        Snapshot s = snapshot(guild);
        return s == null ? direct.guild(guild) : s.guild();
    }

    Optional<List<RoleId>> membership(GuildId guild, UserId user) {
        Snapshot s = snapshot(guild);
        return s == null ? direct.membership(guild, user) : part(s.members(), user, () -> direct.membership(guild, user));
    }

    Optional<ChannelSnapshot> channel(GuildId guild, ChannelId channel) {
        Snapshot s = snapshot(guild);
        return s == null ? direct.channel(guild, channel)
                : part(s.channels(), channel, () -> direct.channel(guild, channel));
    }

    /** The bans containing {@code address} that were active when loaded; the caller's matcher re-checks expiry. */
    List<IpBan> activeContaining(GuildId guild, IpAddress address, Instant now) {
        Snapshot s = snapshot(guild);
        return s == null ? directIpBans.activeContaining(guild, address, now)
                : part(s.bans(), address, () -> directIpBans.activeContaining(guild, address, now));
    }

    /** The guild's snapshot, loading it on a miss; null when this transaction wrote the guild (read through). */
    private Snapshot snapshot(GuildId guild) {
        if (changes.changedInThisTransaction(guild)) {
            return null;
        }
        OptionalLong read = versions.current(guild);
        if (read.isEmpty()) {
            return null; // the shared version is unknown: nothing cached may be served (17.8)
        }
        long version = read.getAsLong();
        Snapshot cached = snapshots.getIfPresent(guild);
        if (cached != null && cached.version() == version) {
            return cached;
        }
        long before = generation.get();
        Snapshot loaded = new Snapshot(version, direct.guild(guild), new ConcurrentHashMap<>(),
                new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        Snapshot installed = snapshots.asMap().compute(guild, (g, current) ->
                current != null && current.version() == version ? current
                        : generation.get() == before ? loaded : current);
        return installed != null && installed.version() == version ? installed : loaded; // else right for this one
    }

    private static <K, V> V part(Map<K, V> parts, K key, Supplier<V> load) {
        V cached = parts.get(key);
        if (cached != null) {
            return cached;
        }
        V loaded = load.get();
        if (parts.size() < MAX_PARTS) {
            parts.putIfAbsent(key, loaded);
        }
        return loaded;
    }

    private record Snapshot(long version, Optional<GuildSnapshot> guild, Map<UserId, Optional<List<RoleId>>> members,
                            Map<ChannelId, Optional<ChannelSnapshot>> channels, Map<IpAddress, List<IpBan>> bans) {
    }
}
