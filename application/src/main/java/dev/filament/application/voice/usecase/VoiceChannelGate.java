package dev.filament.application.voice.usecase;

import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.service.ChannelAccess;
import dev.filament.application.port.out.UnitOfWork;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;

/**
 * The access ladder every voice route starts with after {@code AUTH} (SPEC 11.1 step 1, 11.4): {@code G},
 * {@code IP(surface)}, {@code C}, reusing the guild feature's ladder. Channel permissions are left to the caller,
 * because the token route checks them only after its limiter.
 */
final class VoiceChannelGate {
    private final UnitOfWork tx;
    private final AccessLadder ladder;

    VoiceChannelGate(UnitOfWork tx, AccessLadder ladder) {
        this.tx = tx;
        this.ladder = ladder;
    }

    /** 404 for a missing guild or channel, 403 for a non-member or an IP-ban hit; else the caller's channel view. */
    ChannelAccess enter(UserId user, ClientIp clientIp, GuildId guild, ChannelId channel, IpBanSurface surface) {
        ladder.screen(user, guild, clientIp, surface);
        return tx.inTransaction(() -> ladder.channel(ladder.guild(user, guild), channel));
    }
}
