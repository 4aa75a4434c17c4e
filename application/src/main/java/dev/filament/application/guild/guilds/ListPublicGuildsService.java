package dev.filament.application.guild.guilds;

import dev.filament.application.guild.GuildKit;
import dev.filament.application.guild.port.Guild;
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
