package dev.filament.postgres.guild;

import dev.filament.application.guild.port.out.AccessLoader;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link AccessLoader} answered from an {@link AccessCache}; batch membership reads go to the database. */
final class CachedAccessLoader implements AccessLoader {
    private final AccessCache cache;
    private final AccessLoader direct;

    CachedAccessLoader(AccessCache cache, AccessLoader direct) {
        this.cache = cache;
        this.direct = direct;
    }

    @Override
    public Optional<GuildSnapshot> guild(GuildId guild) {
        return cache.guild(guild);
    }

    @Override
    public Optional<List<RoleId>> membership(GuildId guild, UserId user) {
        return cache.membership(guild, user);
    }

    @Override
    public Map<UserId, List<RoleId>> memberships(GuildId guild, Collection<UserId> users) {
        return direct.memberships(guild, users);
    }

    @Override
    public Optional<ChannelSnapshot> channel(GuildId guild, ChannelId channel) {
        return cache.channel(guild, channel);
    }
}
