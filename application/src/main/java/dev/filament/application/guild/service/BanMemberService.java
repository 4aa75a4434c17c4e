package dev.filament.application.guild.service;

import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.application.guild.port.in.BanMemberUseCase;
import dev.filament.application.guild.port.in.MemberCommand;
import dev.filament.application.guild.port.out.BanRepository;
import dev.filament.application.guild.port.out.GuildRepository;
import dev.filament.application.guild.port.out.MemberRepository;
import dev.filament.application.guild.port.out.UserDirectory;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.GuildBan;
import dev.filament.domain.guild.access.AccessContext;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.policy.ModerationPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Implements {@link BanMemberUseCase} under the guild row lock; an existing ban row is left unchanged. */
public final class BanMemberService implements BanMemberUseCase {
    private final UnitOfWork tx;
    private final GuildRepository guilds;
    private final MemberRepository members;
    private final BanRepository bans;
    private final UserDirectory users;
    private final Removals removals;
    private final AccessLadder ladder;
    private final Audits audits;
    private final Clock clock;

    public BanMemberService(UnitOfWork tx, GuildRepository guilds, MemberRepository members, BanRepository bans,
                            UserDirectory users, Removals removals, AccessLadder ladder, Audits audits, Clock clock) {
        this.tx = tx;
        this.guilds = guilds;
        this.members = members;
        this.bans = bans;
        this.users = users;
        this.removals = removals;
        this.ladder = ladder;
        this.audits = audits;
        this.clock = clock;
    }

    @Override
    public void ban(MemberCommand c) {
        Instant now = StoredTime.now(clock);
        boolean wasMember = tx.inTransaction(() -> {
            GuildAccess access = ladder.guild(c.user(), c.guild()).require(Permission.BAN_MEMBER);
            guilds.lock(c.guild()).orElseThrow();
            if (!users.exists(c.target())) {
                throw new NotFoundException("user");
            }
            AccessContext target = ladder.contextOf(access.snapshot(), c.target());
            ModerationPolicy.canBan(access.actor(), target).orThrow();
            bans.insertIfAbsent(new GuildBan(c.guild(), c.target(), Optional.of(c.user()), now));
            boolean member = members.delete(c.guild(), c.target());
            audits.write(c.guild(), c.user(), Optional.of(c.target()), AuditAction.MEMBER_BAN, now,
                    new AuditDetails.MemberBanned(member));
            return member;
        });
        removals.afterCommit(c, UnsubscribeReason.BAN, wasMember, now);
    }
}
