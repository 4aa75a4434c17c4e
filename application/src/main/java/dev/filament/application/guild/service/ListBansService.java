package dev.filament.application.guild.service;

import dev.filament.application.guild.Page;
import dev.filament.application.guild.port.in.ListBansUseCase;
import dev.filament.domain.guild.GuildBan;
import dev.filament.domain.guild.permission.Permission;

/** Implements {@link ListBansUseCase}: {@code G}, {@code GP(ban_member)}, one page read. */
public final class ListBansService implements ListBansUseCase {
    private final GuildKit kit;

    public ListBansService(GuildKit kit) {
        this.kit = kit;
    }

    @Override
    public Page<GuildBan> list(ListBansQuery query) {
        return kit.store().tx(() -> {
            kit.ladder().guild(query.user(), query.guild()).require(Permission.BAN_MEMBER);
            return Page.of(kit.store().bans().page(query.guild(), query.after(), query.limit()), query.limit(),
                    b -> b.cursor().toWire());
        });
    }
}
