package dev.filament.domain.guild.ipban;

import dev.filament.domain.net.IpAddress;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Policy: does a client IP hit an IP ban (SPEC 6.6)? Match = the ban is active and its network contains the IP;
 * an infrastructure address (loopback, trusted proxy) never matches.
 */
public final class IpBanMatch {
    private final Predicate<IpAddress> isInfrastructure;

    public IpBanMatch(InfrastructureNetworks infrastructure) {
        this.isInfrastructure = Objects.requireNonNull(infrastructure, "infrastructure")::contains;
    }

    public boolean matches(IpBan ban, IpAddress clientIp, Instant now) {
        return !isInfrastructure.test(clientIp) && ban.isActiveAt(now) && ban.network().contains(clientIp);
    }

    /** The first ban among {@code bans} that the client IP hits, if any. */
    public Optional<IpBan> firstMatch(Collection<IpBan> bans, IpAddress clientIp, Instant now) {
        if (isInfrastructure.test(clientIp)) {
            return Optional.empty();
        }
        return bans.stream().filter(b -> matches(b, clientIp, now)).findFirst();
    }

    public boolean isBanned(Collection<IpBan> bans, IpAddress clientIp, Instant now) {
        return firstMatch(bans, clientIp, now).isPresent();
    }
}
