package dev.filament.application.guild.service;

import dev.filament.application.guild.Page;
import dev.filament.application.guild.port.in.ListIpBansUseCase;
import dev.filament.domain.guild.TimeCursor;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.guild.permission.Permission;

/** Implements {@link ListIpBansUseCase}: {@code G}, {@code GP(manage_ip_bans)}, one page read. */
public final class ListIpBansService implements ListIpBansUseCase {
    private final GuildKit kit;

    public ListIpBansService(GuildKit kit) {
        this.kit = kit;
    }

    @Override
    public Page<IpBan> list(ListIpBansQuery query) {
        return kit.store().tx(() -> {
            kit.ladder().guild(query.user(), query.guild()).require(Permission.MANAGE_IP_BANS);
            return Page.of(kit.store().ipBans().activePage(query.guild(), kit.now(), query.after(), query.limit()),
                    query.limit(), b -> new TimeCursor(b.createdAt().getEpochSecond(), b.id().value()).toWire());
        });
    }
}
