package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.TimeCursor;
import dev.filament.domain.guild.audit.ActionPrefix;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.id.GuildId;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: the audit log (table {@code audit_logs}). {@link #append} joins the transaction of the action it
 * describes (SPEC 1.11 W1).
 */
public interface AuditLog {

    void append(AuditEntry entry);

    /**
     * One page of the guild's rows ordered {@code created_at DESC, audit_id DESC}, strictly after {@code after} when
     * given, restricted to actions starting with {@code prefix} when given (literal prefix), at most {@code limit}.
     */
    List<AuditEntry> page(GuildId guild, Optional<TimeCursor> after, Optional<ActionPrefix> prefix, int limit);
}
