package dev.filament.domain.guild.ipban;

import dev.filament.domain.error.ConflictException;
import dev.filament.domain.net.Cidr;
import dev.filament.domain.policy.Decision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Policy: which networks {@code POST /guilds/{g}/ip-bans/by-user} bans (SPEC 6.6). Runs inside the transaction
 * holding the guild row lock, so the cap cannot be exceeded by concurrent requests.
 */
public final class IpBanPlanner {
    private final InfrastructureNetworks infrastructure;
    private final int maxEntries;

    /** @param maxEntries {@code FILAMENT_GUILD_IP_BAN_MAX_ENTRIES} (4096 by default) */
    public IpBanPlanner(InfrastructureNetworks infrastructure, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.infrastructure = Objects.requireNonNull(infrastructure, "infrastructure");
        this.maxEntries = maxEntries;
    }

    /** The networks to ban, newest observation first, and the count of the guild's active bans. */
    public record Plan(List<Cidr> networks, int activeBans, int maxEntries) {
        public Plan {
            networks = List.copyOf(networks);
        }

        /** Active bans + new > max → 409 {@code quota_exceeded}. */
        public Decision withinCap() {
            return activeBans + networks.size() > maxEntries
                    ? Decision.deny(() -> ConflictException.quotaExceeded("ip bans"))
                    : Decision.allow();
        }
    }

    /**
     * Takes the target's observations newest first (at most max), skips infrastructure networks, drops networks
     * equal to or inside an active ban of the guild.
     */
    public Plan plan(Collection<IpObservation> observations, Collection<IpBan> guildBans, Instant now) {
        List<IpBan> active = guildBans.stream().filter(b -> b.isActiveAt(now)).toList();
        List<Cidr> networks = new ArrayList<>();
        observations.stream()
                .sorted(Comparator.comparing(IpObservation::lastSeenAt).reversed())
                .limit(maxEntries)
                .map(IpObservation::network)
                .filter(n -> !infrastructure.overlaps(n))
                .filter(n -> active.stream().noneMatch(b -> b.network().contains(n)))
                .filter(n -> !networks.contains(n))
                .forEach(networks::add);
        return new Plan(networks, active.size(), maxEntries);
    }
}
