package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.MemberCommand;
import dev.filament.application.wire.GuildEvent;
import dev.filament.domain.gateway.UnsubscribeReason;
import java.time.Instant;

/** The post-commit effects of kick and ban (SPEC 6.4), in their order. */
public final class Removals {
    private final HandOffs handOffs;

    public Removals(HandOffs handOffs) {
        this.handOffs = handOffs;
    }

    /** Ban event (ban only), removal event (if a member), subscription drop, voice removal. */
    void afterCommit(MemberCommand c, UnsubscribeReason reason, boolean wasMember, Instant now) {
        if (reason == UnsubscribeReason.BAN) {
            handOffs.publishToGuild(c.guild(), GuildEvent.MemberBan.of(c.guild(), c.target(), now, c.user()));
        }
        if (wasMember) {
            handOffs.publishToGuild(c.guild(), GuildEvent.MemberRemove.of(c.guild(), c.target(),
                    reason == UnsubscribeReason.BAN ? "ban" : "kick", now, c.user()));
        }
        handOffs.dropSubscriptions(c.target(), c.guild(), reason);
        handOffs.removeFromVoice(c.target(), c.guild());
    }
}
