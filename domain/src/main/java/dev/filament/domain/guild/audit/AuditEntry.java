package dev.filament.domain.guild.audit;

import dev.filament.domain.id.AuditId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Entity: one audit row (SPEC 7.1), written in the transaction of the action it describes. {@code details} is never
 * returned by any route; its values may be {@code null} (e.g. a cleared colour). Time is kept in whole seconds.
 */
public record AuditEntry(AuditId auditId, GuildId guildId, UserId actor, Optional<UserId> target,
                         AuditAction action, Map<String, Object> details, Instant createdAt) {

    public AuditEntry {
        Objects.requireNonNull(auditId, "auditId");
        Objects.requireNonNull(guildId, "guildId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(details, "details");
        details.keySet().forEach(k -> Objects.requireNonNull(k, "details key"));
        // Map.copyOf would reject null values, which details legitimately carry.
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.SECONDS);
    }

    public boolean ipBanMatch() {
        return action.ipBanMatch();
    }

    public long createdAtUnix() {
        return createdAt.getEpochSecond();
    }
}
