package dev.filament.postgres.guild;

import static dev.filament.postgres.jooq.Tables.AUDIT_LOGS;

import dev.filament.application.guild.port.out.AuditLog;
import dev.filament.domain.guild.LikePattern;
import dev.filament.domain.guild.TimeCursor;
import dev.filament.domain.guild.audit.ActionPrefix;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.id.AuditId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.jooq.tables.records.AuditLogsRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * PostgreSQL {@link AuditLog} over {@code audit_logs}. {@link #append} runs on the unit of work's context, so the row
 * commits or rolls back with the action it describes (SPEC 1.11 W1). Pages walk
 * {@code (guild_id, created_at DESC, audit_id DESC)} with a row comparison; a prefix filter is
 * {@code action LIKE ? ESCAPE '\'} with the pattern {@link ActionPrefix#likePattern()} escapes, which the
 * {@code text_pattern_ops} index serves.
 */
public final class JooqAuditLog implements AuditLog {
    private final DSLContext dsl;

    public JooqAuditLog(JooqUnitOfWork unitOfWork) {
        this.dsl = unitOfWork.dsl();
    }

    @Override
    public void append(AuditEntry entry) {
        dsl.insertInto(AUDIT_LOGS)
                .set(AUDIT_LOGS.AUDIT_ID, entry.auditId().value())
                .set(AUDIT_LOGS.GUILD_ID, entry.guildId().value())
                .set(AUDIT_LOGS.ACTOR_USER_ID, entry.actor().value())
                .set(AUDIT_LOGS.TARGET_USER_ID, entry.target().map(UserId::value).orElse(null))
                .set(AUDIT_LOGS.ACTION, entry.action().wire())
                .set(AUDIT_LOGS.DETAILS, JSONB.valueOf(AuditDetailsJson.write(entry.details())))
                .set(AUDIT_LOGS.CREATED_AT, Timestamps.stored(entry.createdAt()))
                .execute();
    }

    @Override
    public List<AuditEntry> page(GuildId guild, Optional<TimeCursor> after, Optional<ActionPrefix> prefix,
                                 int limit) {
        Condition window = after.map(c -> DSL.row(AUDIT_LOGS.CREATED_AT, AUDIT_LOGS.AUDIT_ID)
                .lt(Timestamps.ofUnix(c.createdAtUnix()), c.id())).orElse(DSL.noCondition());
        Condition action = prefix.map(p -> AUDIT_LOGS.ACTION.like(p.likePattern(), LikePattern.ESCAPE))
                .orElse(DSL.noCondition());
        return dsl.selectFrom(AUDIT_LOGS)
                .where(AUDIT_LOGS.GUILD_ID.eq(guild.value()).and(action).and(window))
                .orderBy(AUDIT_LOGS.CREATED_AT.desc(), AUDIT_LOGS.AUDIT_ID.desc())
                .limit(limit)
                .fetch(JooqAuditLog::toEntry);
    }

    private static AuditEntry toEntry(AuditLogsRecord r) {
        AuditAction action = AuditAction.fromWire(r.getAction())
                .orElseThrow(() -> new IllegalStateException("unknown audit action " + r.getAction()));
        return new AuditEntry(new AuditId(r.getAuditId()), new GuildId(r.getGuildId()),
                new UserId(r.getActorUserId()), Optional.ofNullable(r.getTargetUserId()).map(UserId::new), action,
                AuditDetailsJson.read(action, r.getDetails().data()), Timestamps.instant(r.getCreatedAt()));
    }
}
