package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.ListGuildsUseCase;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.id.UserId;
import java.util.List;

/** Implements {@link ListGuildsUseCase} with one read. */
public final class ListGuildsService implements ListGuildsUseCase {
    private final GuildKit kit;

    public ListGuildsService(GuildKit kit) {
        this.kit = kit;
    }

    @Override
    public List<Guild> list(UserId user) {
        return kit.store().tx(() -> kit.store().guilds().listForMember(user, MAX_GUILDS));
    }
}
