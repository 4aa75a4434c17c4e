package dev.filament.application.guild.service;

import dev.filament.application.shared.Page;
import dev.filament.application.shared.PageLimit;
import dev.filament.application.guild.port.in.ListAuditUseCase;
import dev.filament.application.guild.port.out.AccessLoader.GuildSnapshot;
import dev.filament.application.guild.port.out.AccessLoader;
import dev.filament.application.guild.port.out.AuditLog;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.TimeCursor;
import dev.filament.domain.guild.access.AccessContext;
import dev.filament.domain.guild.access.PermissionEvaluator;
import dev.filament.domain.guild.audit.ActionPrefix;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.guild.permission.Permission;
import java.util.Optional;

/** Implements {@link ListAuditUseCase}; access is its own rule (not the ladder's 403 {@code forbidden}). */
public final class ListAuditService implements ListAuditUseCase {
    public static final int DEFAULT_LIMIT = 20;
    private final UnitOfWork tx;
    private final AuditLog auditLog;
    private final AccessLoader accessLoader;
    private final AccessLadder ladder;
    private final GuildSettings settings;

    public ListAuditService(UnitOfWork tx, AuditLog auditLog, AccessLoader accessLoader, AccessLadder ladder,
                            GuildSettings settings) {
        this.tx = tx;
        this.auditLog = auditLog;
        this.accessLoader = accessLoader;
        this.ladder = ladder;
        this.settings = settings;
    }

    @Override
    public Page<AuditEntry> list(ListAuditQuery query) {
        int max = settings.auditListLimitMax();
        int limit = PageLimit.resolve(query.limit(), Math.min(DEFAULT_LIMIT, max), max);
        Optional<TimeCursor> after = query.cursor().map(TimeCursor::parse);
        Optional<ActionPrefix> prefix = query.actionPrefix().map(ActionPrefix::parse);
        return tx.inTransaction(() -> {
            GuildSnapshot guild = accessLoader.guild(query.guild())
                    .orElseThrow(() -> new NotFoundException("guild"));
            AccessContext actor = ladder.contextOf(guild, query.user());
            boolean allowed = actor.isServerOwner()
                    || (actor.isMember() && PermissionEvaluator.evaluate(actor).has(Permission.VIEW_AUDIT_LOG));
            if (!allowed) {
                throw new ForbiddenException(ForbiddenException.AUDIT_ACCESS_DENIED, "no access to the audit log");
            }
            return Page.of(auditLog.page(query.guild(), after, prefix, limit), limit,
                    e -> new TimeCursor(e.createdAtUnix(), e.auditId().value()).toWire());
        });
    }
}
