package dev.filament.application.guild.service;

import dev.filament.application.shared.Page;
import dev.filament.application.guild.port.in.ListBansUseCase;
import dev.filament.application.guild.port.out.BanRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.guild.GuildBan;
import dev.filament.domain.guild.permission.Permission;

/** Implements {@link ListBansUseCase}: {@code G}, {@code GP(ban_member)}, one page read. */
public final class ListBansService implements ListBansUseCase {
    private final UnitOfWork tx;
    private final BanRepository bans;
    private final AccessLadder ladder;

    public ListBansService(UnitOfWork tx, BanRepository bans, AccessLadder ladder) {
        this.tx = tx;
        this.bans = bans;
        this.ladder = ladder;
    }

    @Override
    public Page<GuildBan> list(ListBansQuery query) {
        return tx.inTransaction(() -> {
            ladder.guild(query.user(), query.guild()).require(Permission.BAN_MEMBER);
            return Page.of(bans.page(query.guild(), query.after(), query.limit()), query.limit(),
                    b -> b.cursor().toWire());
        });
    }
}
