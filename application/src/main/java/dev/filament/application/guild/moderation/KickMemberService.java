package dev.filament.application.guild.moderation;

import dev.filament.application.guild.GuildKit;
import dev.filament.application.guild.access.GuildAccess;
import dev.filament.application.guild.members.MemberCommand;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.policy.ModerationPolicy;
import java.time.Instant;
import java.util.Optional;

/** Implements {@link KickMemberUseCase} under the guild row lock. */
public final class KickMemberService implements KickMemberUseCase {
    private final GuildKit kit;

    public KickMemberService(GuildKit kit) {
        this.kit = kit;
    }

    @Override
    public void kick(MemberCommand c) {
        Instant now = kit.now();
        kit.store().unitOfWork().run(() -> {
            GuildAccess access = kit.ladder().guild(c.user(), c.guild()).require(Permission.BAN_MEMBER);
            kit.store().guilds().lock(c.guild()).orElseThrow();
            ModerationPolicy.canKick(access.actor(), kit.ladder().contextOf(access.snapshot(), c.target())).orThrow();
            kit.store().members().delete(c.guild(), c.target());
            kit.audits().write(c.guild(), c.user(), Optional.of(c.target()), AuditAction.MEMBER_KICK, now);
        });
        Removals.afterCommit(kit, c, UnsubscribeReason.KICK, true, now);
    }
}
