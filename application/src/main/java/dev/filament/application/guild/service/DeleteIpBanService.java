package dev.filament.application.guild.service;

import dev.filament.application.gateway.GatewayEvent;
import dev.filament.application.guild.port.in.DeleteIpBanUseCase;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.guild.permission.Permission;
import java.time.Instant;

/** Implements {@link DeleteIpBanUseCase}. */
public final class DeleteIpBanService implements DeleteIpBanUseCase {
    private final GuildKit kit;

    public DeleteIpBanService(GuildKit kit) {
        this.kit = kit;
    }

    @Override
    public void delete(DeleteIpBanCommand c) {
        Instant now = kit.now();
        GatewayEvent.Scope audience = kit.store().tx(() -> {
            GuildAccess access = kit.ladder().guild(c.user(), c.guild()).require(Permission.MANAGE_IP_BANS);
            IpBan ban = kit.store().ipBans().find(c.guild(), c.ban()).orElseThrow(() -> new NotFoundException("ip ban"));
            kit.store().ipBans().delete(c.guild(), c.ban());
            kit.audits().write(c.guild(), c.user(), ban.sourceUser(), AuditAction.MODERATION_IP_BAN_REMOVE, now,
                    "ban_id", c.ban().value());
            return IpBanSyncAudience.of(kit, access);
        });
        CreateIpBansByUserService.publishSync(kit, c.guild().value(), audience, "remove", 1, c.user().value(), now);
    }
}
