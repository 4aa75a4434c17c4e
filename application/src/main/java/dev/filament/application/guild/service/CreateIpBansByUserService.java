package dev.filament.application.guild.service;

import dev.filament.application.gateway.GatewayEvent;
import dev.filament.application.guild.handoff.Wire;
import dev.filament.application.guild.port.in.CreateIpBansByUserUseCase;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.guild.ipban.IpBanPlanner;
import dev.filament.domain.guild.ipban.IpBanTerms;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.policy.ModerationPolicy;
import dev.filament.domain.id.IpBanId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Implements {@link CreateIpBansByUserUseCase}; plan and cap run under the guild row lock (SPEC W2). */
public final class CreateIpBansByUserService implements CreateIpBansByUserUseCase {
    private final GuildKit kit;
    private final IpBanPlanner planner;

    public CreateIpBansByUserService(GuildKit kit) {
        this.kit = kit;
        this.planner = new IpBanPlanner(kit.settings().infrastructure(), kit.settings().ipBanMaxEntries());
    }

    @Override
    public Created create(CreateIpBansByUserCommand c) {
        Instant now = kit.now();
        Outcome outcome = kit.store().tx(() -> {
            GuildAccess access = kit.ladder().guild(c.user(), c.guild()).require(Permission.MANAGE_IP_BANS);
            IpBanTerms terms = new IpBanTerms(c.reason(), c.expiresInSecs());
            if (!kit.store().users().exists(c.target())) {
                throw new NotFoundException("user");
            }
            ModerationPolicy.canIpBan(access.actor(), kit.ladder().contextOf(access.snapshot(), c.target())).orThrow();
            kit.store().guilds().lock(c.guild()).orElseThrow();
            IpBanPlanner.Plan plan = planner.plan(
                    kit.store().observations().newestFirst(c.target(), kit.settings().ipBanMaxEntries()),
                    kit.store().ipBans().active(c.guild(), now), now);
            plan.withinCap().orThrow();
            Optional<Instant> expiresAt = terms.expiresAt(now);
            List<IpBan> bans = plan.networks().stream()
                    .map(n -> new IpBan(kit.ids().newIpBanId(), c.guild(), n, Optional.of(c.target()),
                            terms.storedReason(), c.user(), now, expiresAt))
                    .toList();
            kit.store().ipBans().insertAll(bans);
            List<IpBanId> ids = bans.stream().map(IpBan::id).toList();
            kit.audits().write(c.guild(), c.user(), Optional.of(c.target()), AuditAction.MODERATION_IP_BAN_ADD, now,
                    "created_count", ids.size(), "ban_ids", ids.stream().map(IpBanId::value).toList(),
                    "expires_at_unix", expiresAt.map(Instant::getEpochSecond).orElse(null));
            return new Outcome(new Created(ids.size(), ids), IpBanSyncAudience.of(kit, access));
        });
        if (outcome.created().createdCount() > 0) {
            publishSync(kit, c.guild().value(), outcome.audience(), "upsert", outcome.created().createdCount(),
                    c.user().value(), now);
        }
        return outcome.created();
    }

    static void publishSync(GuildKit kit, String guild, GatewayEvent.Scope audience, String action, int count,
                            String actor, Instant now) {
        kit.handOffs().publish("workspace_ip_ban_sync", audience, Wire.object().put("guild_id", guild)
                .put("summary", Wire.object().put("action", action).put("changed_count", count).build())
                .put("updated_at_unix", Wire.unix(now)).put("actor_user_id", actor).build());
    }

    private record Outcome(Created created, GatewayEvent.Scope audience) {
    }
}
