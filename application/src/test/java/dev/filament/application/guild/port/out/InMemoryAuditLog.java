package dev.filament.application.guild.port.out;

import dev.filament.domain.guild.TimeCursor;
import dev.filament.domain.guild.audit.ActionPrefix;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.id.GuildId;
import java.util.List;
import java.util.Optional;

/** Fake {@link AuditLog} over an {@link InMemoryGuildDatabase}. */
public final class InMemoryAuditLog implements AuditLog {
    private final InMemoryGuildDatabase db;

    public InMemoryAuditLog(InMemoryGuildDatabase db) {
        this.db = db;
    }

    @Override
    public void append(AuditEntry entry) {
        synchronized (db) {
            db.audit.add(entry);
        }
    }

    @Override
    public List<AuditEntry> page(GuildId guild, Optional<TimeCursor> after, Optional<ActionPrefix> prefix,
                                 int limit) {
        synchronized (db) {
            return TimeDesc.page(db.audit.stream()
                            .filter(e -> e.guildId().equals(guild))
                            .filter(e -> prefix.map(p -> p.matches(e.action().wire())).orElse(true)),
                    AuditEntry::createdAt, e -> e.auditId().value(), after, limit);
        }
    }
}
