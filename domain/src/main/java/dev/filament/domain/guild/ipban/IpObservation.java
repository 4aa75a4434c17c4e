package dev.filament.domain.guild.ipban;

import dev.filament.domain.id.UserId;
import dev.filament.domain.net.Cidr;
import dev.filament.domain.net.IpAddress;
import java.time.Instant;
import java.util.Objects;

/** Entity: a network a user was seen from (SPEC 6.5): the /32 of IPv4 or the /64 of IPv6, first and last seen. */
public record IpObservation(UserId user, Cidr network, Instant firstSeenAt, Instant lastSeenAt) {

    public IpObservation {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(firstSeenAt, "firstSeenAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        if (lastSeenAt.isBefore(firstSeenAt)) {
            throw new IllegalArgumentException("lastSeenAt must not precede firstSeenAt");
        }
    }

    /** A fresh observation of {@code address}, recorded at its observation network. */
    public static IpObservation seen(UserId user, IpAddress address, Instant now) {
        return new IpObservation(user, address.observationNetwork(), now, now);
    }
}
