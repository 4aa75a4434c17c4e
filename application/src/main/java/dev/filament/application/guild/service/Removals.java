package dev.filament.application.guild.service;

import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.application.guild.handoff.Wire;
import dev.filament.application.guild.port.in.MemberCommand;
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
            handOffs.publishToGuild(c.guild(), "workspace_member_ban", Wire.object()
                    .put("guild_id", c.guild().value()).put("user_id", c.target().value())
                    .put("banned_at_unix", Wire.unix(now)).put("actor_user_id", c.user().value()).build());
        }
        if (wasMember) {
            handOffs.publishToGuild(c.guild(), "workspace_member_remove", Wire.object()
                    .put("guild_id", c.guild().value()).put("user_id", c.target().value())
                    .put("reason", reason == UnsubscribeReason.BAN ? "ban" : "kick")
                    .put("removed_at_unix", Wire.unix(now)).put("actor_user_id", c.user().value()).build());
        }
        handOffs.dropSubscriptions(c.target(), c.guild(), reason);
        handOffs.removeFromVoice(c.target(), c.guild());
    }
}
