package dev.filament.application.guild.service;

import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.application.guild.port.in.KickMemberUseCase;
import dev.filament.application.guild.port.in.MemberCommand;
import dev.filament.application.guild.port.out.GuildRepository;
import dev.filament.application.guild.port.out.MemberRepository;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.policy.ModerationPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Implements {@link KickMemberUseCase} under the guild row lock. */
public final class KickMemberService implements KickMemberUseCase {
    private final UnitOfWork tx;
    private final GuildRepository guilds;
    private final MemberRepository members;
    private final Removals removals;
    private final AccessLadder ladder;
    private final Audits audits;
    private final Clock clock;

    public KickMemberService(UnitOfWork tx, GuildRepository guilds, MemberRepository members, Removals removals,
                             AccessLadder ladder, Audits audits, Clock clock) {
        this.tx = tx;
        this.guilds = guilds;
        this.members = members;
        this.removals = removals;
        this.ladder = ladder;
        this.audits = audits;
        this.clock = clock;
    }

    @Override
    public void kick(MemberCommand c) {
        Instant now = StoredTime.now(clock);
        tx.run(() -> {
            GuildAccess access = ladder.guild(c.user(), c.guild()).require(Permission.BAN_MEMBER);
            guilds.lock(c.guild()).orElseThrow();
            ModerationPolicy.canKick(access.actor(), ladder.contextOf(access.snapshot(), c.target())).orThrow();
            members.delete(c.guild(), c.target());
            audits.write(c.guild(), c.user(), Optional.of(c.target()), AuditAction.MEMBER_KICK, now,
                    new AuditDetails.None());
        });
        removals.afterCommit(c, UnsubscribeReason.KICK, true, now);
    }
}
