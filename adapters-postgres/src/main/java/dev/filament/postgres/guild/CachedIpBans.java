package dev.filament.postgres.guild;

import dev.filament.application.guild.port.out.IpBanRepository;
import dev.filament.domain.guild.TimeCursor;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.IpBanId;
import dev.filament.domain.net.IpAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link IpBanRepository} whose {@code activeContaining} is answered from an {@link AccessCache}. */
final class CachedIpBans implements IpBanRepository {
    private final AccessCache cache;
    private final IpBanRepository direct;

    CachedIpBans(AccessCache cache, IpBanRepository direct) {
        this.cache = cache;
        this.direct = direct;
    }

    @Override
    public List<IpBan> activeContaining(GuildId guild, IpAddress address, Instant now) {
        // cached lists were active when loaded; a ban may have expired since
        return cache.activeContaining(guild, address, now).stream()
                .filter(b -> b.expiresAt().map(now::isBefore).orElse(true)).toList();
    }

    @Override
    public List<IpBan> active(GuildId guild, Instant now) {
        return direct.active(guild, now);
    }

    @Override
    public List<IpBan> activePage(GuildId guild, Instant now, Optional<TimeCursor> after, int limit) {
        return direct.activePage(guild, now, after, limit);
    }

    @Override
    public void insertAll(List<IpBan> bans) {
        direct.insertAll(bans);
    }

    @Override
    public Optional<IpBan> find(GuildId guild, IpBanId id) {
        return direct.find(guild, id);
    }

    @Override
    public boolean delete(GuildId guild, IpBanId id) {
        return direct.delete(guild, id);
    }
}
