package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.ListPublicGuildsUseCase;
import dev.filament.application.guild.port.out.GuildRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.guild.Guild;
import java.util.List;

/** Implements {@link ListPublicGuildsUseCase} with one read. */
public final class ListPublicGuildsService implements ListPublicGuildsUseCase {
    private final UnitOfWork tx;
    private final GuildRepository guilds;

    public ListPublicGuildsService(UnitOfWork tx, GuildRepository guilds) {
        this.tx = tx;
        this.guilds = guilds;
    }

    @Override
    public List<Guild> list(ListPublicGuildsQuery query) {
        return tx.inTransaction(() -> guilds.listPublic(query.q(), query.limit()));
    }
}
