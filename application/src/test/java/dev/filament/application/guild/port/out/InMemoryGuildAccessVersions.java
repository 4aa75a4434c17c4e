package dev.filament.application.guild.port.out;

import dev.filament.domain.id.GuildId;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** {@link GuildAccessVersions} in memory, shared by every user of this instance. */
public final class InMemoryGuildAccessVersions implements GuildAccessVersions {
    private final Map<GuildId, Long> versions = new ConcurrentHashMap<>();

    @Override
    public OptionalLong current(GuildId guild) {
        return OptionalLong.of(versions.getOrDefault(guild, 0L));
    }

    @Override
    public void bump(GuildId guild) {
        versions.merge(guild, 1L, Long::sum);
    }
}
