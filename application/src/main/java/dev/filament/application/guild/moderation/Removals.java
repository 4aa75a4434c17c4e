package dev.filament.application.guild.moderation;

import dev.filament.application.guild.GuildKit;
import dev.filament.application.guild.handoff.Wire;
import dev.filament.application.guild.members.MemberCommand;
import dev.filament.domain.gateway.UnsubscribeReason;
import java.time.Instant;

/** The post-commit effects of kick and ban (SPEC 6.4), in their order. */
final class Removals {
    private Removals() {
    }

    /** Ban event (ban only), removal event (if a member), subscription drop, voice removal. */
    static void afterCommit(GuildKit kit, MemberCommand c, UnsubscribeReason reason, boolean wasMember,
                            Instant now) {
        if (reason == UnsubscribeReason.BAN) {
            kit.handOffs().publishToGuild(c.guild(), "workspace_member_ban", Wire.object()
                    .put("guild_id", c.guild().value()).put("user_id", c.target().value())
                    .put("banned_at_unix", Wire.unix(now)).put("actor_user_id", c.user().value()).build());
        }
        if (wasMember) {
            kit.handOffs().publishToGuild(c.guild(), "workspace_member_remove", Wire.object()
                    .put("guild_id", c.guild().value()).put("user_id", c.target().value())
                    .put("reason", reason == UnsubscribeReason.BAN ? "ban" : "kick")
                    .put("removed_at_unix", Wire.unix(now)).put("actor_user_id", c.user().value()).build());
        }
        kit.handOffs().dropSubscriptions(c.target(), c.guild(), reason);
        kit.handOffs().removeFromVoice(c.target(), c.guild());
    }
}
