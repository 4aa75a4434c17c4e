package dev.filament.application.guild.service;

import dev.filament.application.guild.port.out.AuditLog;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.IdGenerator;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.util.Optional;

/** Writes audit rows (SPEC 7.1) with fresh ids into the current transaction. */
public final class Audits {
    private final AuditLog log;
    private final IdGenerator ids;

    public Audits(AuditLog log, IdGenerator ids) {
        this.log = log;
        this.ids = ids;
    }

    /** Appends one row with the details of its action. */
    public AuditEntry write(GuildId guild, UserId actor, Optional<UserId> target, AuditAction action, Instant at,
                            AuditDetails details) {
        AuditEntry entry = new AuditEntry(ids.newAuditId(), guild, actor, target, action, details, at);
        log.append(entry);
        return entry;
    }
}
