package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.JoinGuildUseCase;
import dev.filament.application.guild.port.out.BanRepository;
import dev.filament.application.guild.port.out.GuildRepository;
import dev.filament.application.guild.port.out.MemberRepository;
import dev.filament.application.identity.port.out.IpObservationRecorder;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.shared.RateLimiter;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.directory.DirectoryJoinPolicy;
import dev.filament.domain.guild.directory.JoinOutcome;
import dev.filament.domain.id.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Implements {@link JoinGuildUseCase} in SPEC 6.7 order: {@code directory_join_ip} limiter (its hit stays recorded
 * when the next one rejects), {@code directory_join_user} limiter, IP observation (best effort), then one transaction
 * under the guild row lock deciding the outcome, writing the membership when accepted and the audit row in every
 * case.
 */
public final class JoinGuildService implements JoinGuildUseCase {
    private final UnitOfWork tx;
    private final GuildRepository guilds;
    private final MemberRepository members;
    private final BanRepository bans;
    private final Memberships memberships;
    private final AccessLadder ladder;
    private final Audits audits;
    private final HandOffs handOffs;
    private final Clock clock;
    private final RateLimiter ipLimiter;
    private final RateLimiter userLimiter;
    private final IpObservationRecorder observations;

    public JoinGuildService(UnitOfWork tx, GuildRepository guilds, MemberRepository members, BanRepository bans,
                            Memberships memberships, AccessLadder ladder, Audits audits, HandOffs handOffs, Clock clock,
                            RateLimiter ipLimiter, RateLimiter userLimiter, IpObservationRecorder observations) {
        this.tx = tx;
        this.guilds = guilds;
        this.members = members;
        this.bans = bans;
        this.memberships = memberships;
        this.ladder = ladder;
        this.audits = audits;
        this.handOffs = handOffs;
        this.clock = clock;
        this.ipLimiter = ipLimiter;
        this.userLimiter = userLimiter;
        this.observations = observations;
    }

    @Override
    public Joined join(JoinGuildCommand c) {
        ipLimiter.acquire(c.clientIp().address().networkKey());
        userLimiter.acquire(c.user().value());
        Instant now = StoredTime.now(clock);
        handOffs.guarded("ip_observation", () -> observations.observed(c.user(), c.clientIp(), now));
        JoinOutcome outcome = tx.inTransaction(() -> decideAndWrite(c, now));
        outcome.decision().orThrow();
        if (outcome == JoinOutcome.ACCEPTED) {
            handOffs.publishToGuild(c.guild(), Memberships.memberAdd(c.guild(), c.user(), now, Optional.empty()));
        }
        return new Joined(c.guild(), outcome);
    }

    /**
     * Returns rejections instead of throwing them, so their audit rows commit. Holds the guild row lock, as a ban
     * does, from before the ban check until the membership is written: a concurrent ban either commits first (and
     * this join sees it) or waits and then deletes the new membership, never leaving a banned member (issue #12).
     */
    private JoinOutcome decideAndWrite(JoinGuildCommand c, Instant now) {
        Guild guild = guilds.lock(c.guild()).orElseThrow(() -> new NotFoundException("guild"));
        UserId user = c.user();
        JoinOutcome outcome = DirectoryJoinPolicy.decide(new DirectoryJoinPolicy.Facts(
                guild.isPublic(),
                bans.isBanned(guild.id(), user),
                ladder.isIpBanned(guild.id(), c.clientIp(), now),
                members.isMember(guild.id(), user)));
        if (outcome == JoinOutcome.ACCEPTED && !memberships.admit(guild, user, now)) {
            outcome = JoinOutcome.ALREADY_MEMBER;
        }
        audits.write(guild.id(), user, Optional.of(user), outcome.auditAction(), now,
                new AuditDetails.JoinAttempt(outcome.wire(), c.clientIp().source().wireName()));
        return outcome;
    }
}
