package dev.filament.domain.guild.ipban;

import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.IpBanId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.Cidr;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Entity: one IP ban of a guild (SPEC 6.6, 12). Networks and addresses are never returned by any route. */
public record IpBan(IpBanId id, GuildId guildId, Cidr network, Optional<UserId> sourceUser, String reason,
                    UserId createdBy, Instant createdAt, Optional<Instant> expiresAt) {

    public IpBan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(guildId, "guildId");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(sourceUser, "sourceUser");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Active: {@code expires_at} null or in the future; a ban expiring exactly now is no longer active. */
    public boolean isActiveAt(Instant now) {
        return expiresAt.isEmpty() || expiresAt.get().isAfter(now);
    }

    /** The list's {@code reason}: {@code null} on the wire when stored empty. */
    public Optional<String> reasonForList() {
        return reason.isEmpty() ? Optional.empty() : Optional.of(reason);
    }
}
