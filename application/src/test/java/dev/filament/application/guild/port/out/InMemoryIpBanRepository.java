package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.TimeCursor;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.IpBanId;
import dev.filament.domain.net.IpAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Fake {@link IpBanRepository} over an {@link InMemoryGuildDatabase}. */
public final class InMemoryIpBanRepository implements IpBanRepository {
    private final InMemoryGuildDatabase db;

    public InMemoryIpBanRepository(InMemoryGuildDatabase db) {
        this.db = db;
    }

    private Stream<IpBan> activeOf(GuildId guild, Instant now) {
        return db.ipBans.values().stream().filter(b -> b.guildId().equals(guild) && b.isActiveAt(now));
    }

    @Override
    public List<IpBan> active(GuildId guild, Instant now) {
        synchronized (db) {
            return activeOf(guild, now).toList();
        }
    }

    @Override
    public List<IpBan> activeContaining(GuildId guild, IpAddress address, Instant now) {
        synchronized (db) {
            return activeOf(guild, now).filter(b -> b.network().contains(address)).toList();
        }
    }

    @Override
    public List<IpBan> activePage(GuildId guild, Instant now, Optional<TimeCursor> after, int limit) {
        synchronized (db) {
            return TimeDesc.page(activeOf(guild, now), IpBan::createdAt, b -> b.id().value(), after, limit);
        }
    }

    @Override
    public void insertAll(List<IpBan> bans) {
        synchronized (db) {
            bans.forEach(b -> db.ipBans.put(b.id(), b));
        }
    }

    @Override
    public Optional<IpBan> find(GuildId guild, IpBanId id) {
        synchronized (db) {
            return Optional.ofNullable(db.ipBans.get(id)).filter(b -> b.guildId().equals(guild));
        }
    }

    @Override
    public boolean delete(GuildId guild, IpBanId id) {
        synchronized (db) {
            return find(guild, id).map(b -> db.ipBans.remove(id) != null).orElse(false);
        }
    }
}
