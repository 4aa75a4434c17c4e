package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.ListGuildsUseCase;
import dev.filament.application.guild.port.out.GuildRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.id.UserId;
import java.util.List;

/** Implements {@link ListGuildsUseCase} with one read. */
public final class ListGuildsService implements ListGuildsUseCase {
    private final UnitOfWork tx;
    private final GuildRepository guilds;

    public ListGuildsService(UnitOfWork tx, GuildRepository guilds) {
        this.tx = tx;
        this.guilds = guilds;
    }

    @Override
    public List<Guild> list(UserId user) {
        return tx.inTransaction(() -> guilds.listForMember(user, MAX_GUILDS));
    }
}
