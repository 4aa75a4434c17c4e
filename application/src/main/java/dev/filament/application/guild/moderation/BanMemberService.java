package dev.filament.application.guild.moderation;

import dev.filament.application.guild.GuildKit;
import dev.filament.application.guild.access.GuildAccess;
import dev.filament.application.guild.members.MemberCommand;
import dev.filament.application.guild.port.GuildBan;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.guild.access.AccessContext;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.policy.ModerationPolicy;
import java.time.Instant;
import java.util.Optional;

/** Implements {@link BanMemberUseCase} under the guild row lock; an existing ban row is left unchanged. */
public final class BanMemberService implements BanMemberUseCase {
    private final GuildKit kit;

    public BanMemberService(GuildKit kit) {
        this.kit = kit;
    }

    @Override
    public void ban(MemberCommand c) {
        Instant now = kit.now();
        boolean wasMember = kit.store().tx(() -> {
            GuildAccess access = kit.ladder().guild(c.user(), c.guild()).require(Permission.BAN_MEMBER);
            kit.store().guilds().lock(c.guild()).orElseThrow();
            if (!kit.store().users().exists(c.target())) {
                throw new NotFoundException("user");
            }
            AccessContext target = kit.ladder().contextOf(access.snapshot(), c.target());
            ModerationPolicy.canBan(access.actor(), target).orThrow();
            kit.store().bans().insertIfAbsent(new GuildBan(c.guild(), c.target(), Optional.of(c.user()), now));
            boolean member = kit.store().members().delete(c.guild(), c.target());
            kit.audits().write(c.guild(), c.user(), Optional.of(c.target()), AuditAction.MEMBER_BAN, now,
                    "was_member", member);
            return member;
        });
        Removals.afterCommit(kit, c, UnsubscribeReason.BAN, wasMember, now);
    }
}
