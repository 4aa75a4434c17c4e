package dev.filament.application.guild.service;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.guild.port.in.DeleteIpBanUseCase;
import dev.filament.application.guild.port.out.IpBanRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.guild.permission.Permission;
import java.time.Clock;
import java.time.Instant;

/** Implements {@link DeleteIpBanUseCase}. */
public final class DeleteIpBanService implements DeleteIpBanUseCase {
    private final UnitOfWork tx;
    private final IpBanRepository ipBans;
    private final IpBanSyncAudience ipBanAudience;
    private final AccessLadder ladder;
    private final Audits audits;
    private final HandOffs handOffs;
    private final Clock clock;

    public DeleteIpBanService(UnitOfWork tx, IpBanRepository ipBans, IpBanSyncAudience ipBanAudience,
                              AccessLadder ladder, Audits audits, HandOffs handOffs, Clock clock) {
        this.tx = tx;
        this.ipBans = ipBans;
        this.ipBanAudience = ipBanAudience;
        this.ladder = ladder;
        this.audits = audits;
        this.handOffs = handOffs;
        this.clock = clock;
    }

    @Override
    public void delete(DeleteIpBanCommand c) {
        Instant now = StoredTime.now(clock);
        GatewayEvent.Scope audience = tx.inTransaction(() -> {
            GuildAccess access = ladder.guild(c.user(), c.guild()).require(Permission.MANAGE_IP_BANS);
            IpBan ban = ipBans.find(c.guild(), c.ban()).orElseThrow(() -> new NotFoundException("ip ban"));
            ipBans.delete(c.guild(), c.ban());
            audits.write(c.guild(), c.user(), ban.sourceUser(), AuditAction.MODERATION_IP_BAN_REMOVE, now,
                    new AuditDetails.IpBanRemoved(c.ban().value()));
            return ipBanAudience.of(access);
        });
        CreateIpBansByUserService.publishSync(handOffs, c.guild().value(), audience, "remove", 1, c.user().value(),
                                              now);
    }
}
