package dev.filament.application.guild.service;

import dev.filament.application.guild.port.out.AuditLog;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.IdGenerator;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Writes audit rows (SPEC 7.1) with fresh ids into the current transaction. */
public final class Audits {
    private final AuditLog log;
    private final IdGenerator ids;

    public Audits(AuditLog log, IdGenerator ids) {
        this.log = log;
        this.ids = ids;
    }

    /** Appends one row; {@code keyValues} alternate detail keys and values (values may be null). */
    public AuditEntry write(GuildId guild, UserId actor, Optional<UserId> target, AuditAction action, Instant at,
                            Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("details need key/value pairs");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            details.put((String) keyValues[i], keyValues[i + 1]);
        }
        AuditEntry entry = new AuditEntry(ids.newAuditId(), guild, actor, target, action, details, at);
        log.append(entry);
        return entry;
    }
}
