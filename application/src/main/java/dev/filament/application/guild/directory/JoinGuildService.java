package dev.filament.application.guild.directory;

import dev.filament.application.guild.GuildKit;
import dev.filament.application.guild.members.Memberships;
import dev.filament.application.guild.port.Guild;
import dev.filament.application.identity.port.out.IpObservationRecorder;
import dev.filament.application.ratelimit.RateLimiter;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.directory.DirectoryJoinPolicy;
import dev.filament.domain.guild.directory.JoinOutcome;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Implements {@link JoinGuildUseCase} in SPEC 6.7 order: {@code directory_join_ip} limiter (its hit stays recorded
 * when the next one rejects), {@code directory_join_user} limiter, IP observation (best effort), then one transaction
 * deciding the outcome, writing the membership when accepted and the audit row in every case.
 */
public final class JoinGuildService implements JoinGuildUseCase {
    private final GuildKit kit;
    private final RateLimiter ipLimiter;
    private final RateLimiter userLimiter;
    private final IpObservationRecorder observations;

    public JoinGuildService(GuildKit kit, RateLimiter ipLimiter, RateLimiter userLimiter,
                            IpObservationRecorder observations) {
        this.kit = kit;
        this.ipLimiter = ipLimiter;
        this.userLimiter = userLimiter;
        this.observations = observations;
    }

    @Override
    public Joined join(JoinGuildCommand c) {
        ipLimiter.acquire(c.clientIp().address().toString());
        userLimiter.acquire(c.user().value());
        Instant now = kit.now();
        kit.handOffs().guarded("ip_observation", () -> observations.observed(c.user(), c.clientIp(), now));
        JoinOutcome outcome = kit.store().tx(() -> decideAndWrite(c, now));
        outcome.decision().orThrow();
        if (outcome == JoinOutcome.ACCEPTED) {
            kit.handOffs().publishToGuild(c.guild(), "workspace_member_add",
                    Memberships.memberAdd(c.guild(), c.user(), now, Optional.empty()));
        }
        return new Joined(c.guild(), outcome);
    }

    /** Returns rejections instead of throwing them, so their audit rows commit. */
    private JoinOutcome decideAndWrite(JoinGuildCommand c, Instant now) {
        Guild guild = kit.store().guilds().find(c.guild()).orElseThrow(() -> new NotFoundException("guild"));
        UserId user = c.user();
        JoinOutcome outcome = DirectoryJoinPolicy.decide(new DirectoryJoinPolicy.Facts(
                guild.isPublic(),
                kit.store().bans().isBanned(guild.id(), user),
                kit.ladder().isIpBanned(guild.id(), c.clientIp(), now),
                kit.store().members().isMember(guild.id(), user)));
        if (outcome == JoinOutcome.ACCEPTED && !Memberships.admit(kit, guild, user, now)) {
            outcome = JoinOutcome.ALREADY_MEMBER;
        }
        kit.audits().write(guild.id(), user, Optional.of(user), outcome.auditAction(), now,
                "outcome", outcome.wire(), "client_ip_source", c.clientIp().source().wireName());
        return outcome;
    }
}
