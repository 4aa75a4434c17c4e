package dev.filament.application.voice.service;

import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.service.ChannelAccess;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The access ladder every voice route starts with after {@code AUTH} (SPEC 11.1 step 1, 11.4): {@code G},
 * {@code IP(surface)}, {@code C}, reusing the guild feature's ladder. Channel permissions are left to the caller,
 * because the token route checks them only after its limiter.
 */
final class VoiceChannelGate {
    private final AccessLadder ladder;
    private final UnitOfWork unitOfWork;

    VoiceChannelGate(AccessLadder ladder, UnitOfWork unitOfWork) {
        this.ladder = ladder;
        this.unitOfWork = unitOfWork;
    }

    /** Now in whole seconds, the resolution of every stored time (SPEC 12). */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** 404 for a missing guild or channel, 403 for a non-member or an IP-ban hit; else the caller's channel view. */
    ChannelAccess enter(UserId user, ClientIp clientIp, GuildId guild, ChannelId channel, IpBanSurface surface) {
        ladder.screen(user, guild, clientIp, surface);
        return unitOfWork.inTransaction(() -> ladder.channel(ladder.guild(user, guild), channel));
    }
}
