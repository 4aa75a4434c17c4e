package dev.filament.application.guild.service;

import dev.filament.application.shared.Page;
import dev.filament.application.guild.port.in.ListIpBansUseCase;
import dev.filament.application.guild.port.out.IpBanRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.guild.TimeCursor;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.guild.permission.Permission;
import java.time.Clock;

/** Implements {@link ListIpBansUseCase}: {@code G}, {@code GP(manage_ip_bans)}, one page read. */
public final class ListIpBansService implements ListIpBansUseCase {
    private final UnitOfWork tx;
    private final IpBanRepository ipBans;
    private final AccessLadder ladder;
    private final Clock clock;

    public ListIpBansService(UnitOfWork tx, IpBanRepository ipBans, AccessLadder ladder, Clock clock) {
        this.tx = tx;
        this.ipBans = ipBans;
        this.ladder = ladder;
        this.clock = clock;
    }

    @Override
    public Page<IpBan> list(ListIpBansQuery query) {
        return tx.inTransaction(() -> {
            ladder.guild(query.user(), query.guild()).require(Permission.MANAGE_IP_BANS);
            return Page.of(ipBans.activePage(query.guild(), StoredTime.now(clock), query.after(), query.limit()),
                    query.limit(), b -> new TimeCursor(b.createdAt().getEpochSecond(), b.id().value()).toWire());
        });
    }
}
