package dev.filament.application.guild.service;

import dev.filament.application.guild.port.in.CreateIpBansByUserUseCase;
import dev.filament.application.guild.port.out.GuildRepository;
import dev.filament.application.guild.port.out.IpBanRepository;
import dev.filament.application.guild.port.out.IpObservationQuery;
import dev.filament.application.guild.port.out.UserDirectory;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.wire.GuildEvent;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.guild.ipban.IpBanPlanner;
import dev.filament.domain.guild.ipban.IpBanTerms;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.policy.ModerationPolicy;
import dev.filament.domain.id.IdGenerator;
import dev.filament.domain.id.IpBanId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Implements {@link CreateIpBansByUserUseCase}; plan and cap run under the guild row lock (SPEC W2). */
public final class CreateIpBansByUserService implements CreateIpBansByUserUseCase {
    private final UnitOfWork tx;
    private final GuildRepository guilds;
    private final IpBanRepository ipBans;
    private final IpObservationQuery observations;
    private final UserDirectory users;
    private final IpBanSyncAudience ipBanAudience;
    private final AccessLadder ladder;
    private final Audits audits;
    private final HandOffs handOffs;
    private final IdGenerator ids;
    private final Clock clock;
    private final GuildSettings settings;
    private final IpBanPlanner planner;

    public CreateIpBansByUserService(UnitOfWork tx, GuildRepository guilds, IpBanRepository ipBans,
                                     IpObservationQuery observations, UserDirectory users,
                                     IpBanSyncAudience ipBanAudience, AccessLadder ladder, Audits audits,
                                     HandOffs handOffs, IdGenerator ids, Clock clock, GuildSettings settings) {
        this.tx = tx;
        this.guilds = guilds;
        this.ipBans = ipBans;
        this.observations = observations;
        this.users = users;
        this.ipBanAudience = ipBanAudience;
        this.ladder = ladder;
        this.audits = audits;
        this.handOffs = handOffs;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
        this.planner = new IpBanPlanner(settings.infrastructure(), settings.ipBanMaxEntries());
    }

    @Override
    public Created create(CreateIpBansByUserCommand c) {
        Instant now = StoredTime.now(clock);
        Outcome outcome = tx.inTransaction(() -> {
            GuildAccess access = ladder.guild(c.user(), c.guild()).require(Permission.MANAGE_IP_BANS);
            IpBanTerms terms = new IpBanTerms(c.reason(), c.expiresInSecs());
            if (!users.exists(c.target())) {
                throw new NotFoundException("user");
            }
            ModerationPolicy.canIpBan(access.actor(), ladder.contextOf(access.snapshot(), c.target())).orThrow();
            guilds.lock(c.guild()).orElseThrow();
            IpBanPlanner.Plan plan = planner.plan(
                    observations.newestFirst(c.target(), settings.ipBanMaxEntries()),
                    ipBans.active(c.guild(), now), now);
            plan.withinCap().orThrow();
            Optional<Instant> expiresAt = terms.expiresAt(now);
            List<IpBan> bans = plan.networks().stream()
                    .map(n -> new IpBan(ids.newIpBanId(), c.guild(), n, Optional.of(c.target()),
                            terms.storedReason(), c.user(), now, expiresAt))
                    .toList();
            ipBans.insertAll(bans);
            List<IpBanId> banIds = bans.stream().map(IpBan::id).toList();
            audits.write(c.guild(), c.user(), Optional.of(c.target()), AuditAction.MODERATION_IP_BAN_ADD, now,
                    new AuditDetails.IpBansAdded(banIds.size(), banIds.stream().map(IpBanId::value).toList(),
                            expiresAt.map(Instant::getEpochSecond).orElse(null)));
            return new Outcome(new Created(banIds.size(), banIds), ipBanAudience.of(access));
        });
        if (outcome.created().createdCount() > 0) {
            publishSync(handOffs, c.guild().value(), outcome.audience(), "upsert", outcome.created().createdCount(),
                    c.user().value(), now);
        }
        return outcome.created();
    }

    static void publishSync(HandOffs handOffs, String guild, GatewayEvent.Scope audience, String action, int count,
                            String actor, Instant now) {
        handOffs.publish(new GuildEvent.IpBanSync(guild, new GuildEvent.IpBanSummary(action, count),
                now.getEpochSecond(), Optional.of(actor)), audience);
    }

    private record Outcome(Created created, GatewayEvent.Scope audience) {
    }
}
