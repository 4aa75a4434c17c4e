package dev.filament.domain.guild.audit;

import dev.filament.domain.id.AuditId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Entity: one audit row (SPEC 7.1), written in the transaction of the action it describes. {@code details} is never
 * returned by any route; its shape is one {@link AuditDetails} record per action. Time is kept in whole seconds.
 */
public record AuditEntry(AuditId auditId, GuildId guildId, UserId actor, Optional<UserId> target,
                         AuditAction action, AuditDetails details, Instant createdAt) {

    public AuditEntry {
        Objects.requireNonNull(auditId, "auditId");
        Objects.requireNonNull(guildId, "guildId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(details, "details");
        if (!action.detailsType().isInstance(details) && !(details instanceof AuditDetails.Unreadable)) {
            throw new IllegalArgumentException("details of " + action.wire() + " must be "
                    + action.detailsType().getSimpleName() + ", was " + details.getClass().getSimpleName());
        }
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.SECONDS);
    }

    public boolean ipBanMatch() {
        return action.ipBanMatch();
    }

    public long createdAtUnix() {
        return createdAt.getEpochSecond();
    }
}
