package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.ListPublicGuildsUseCase;
import dev.filament.domain.guild.Guild;
import java.util.List;

/** Implements {@link ListPublicGuildsUseCase} with one read. */
public final class ListPublicGuildsService implements ListPublicGuildsUseCase {
    private final GuildKit kit;

    public ListPublicGuildsService(GuildKit kit) {
        this.kit = kit;
    }

    @Override
    public List<Guild> list(ListPublicGuildsQuery query) {
        return kit.store().tx(() -> kit.store().guilds().listPublic(query.q(), query.limit()));
    }
}
