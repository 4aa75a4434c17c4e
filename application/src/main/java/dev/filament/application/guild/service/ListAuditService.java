package dev.filament.application.guild.service;

import dev.filament.application.guild.Page;
import dev.filament.application.guild.PageLimit;
import dev.filament.application.guild.port.in.ListAuditUseCase;
import dev.filament.application.guild.port.out.AccessLoader.GuildSnapshot;
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
    private final GuildKit kit;

    public ListAuditService(GuildKit kit) {
        this.kit = kit;
    }

    @Override
    public Page<AuditEntry> list(ListAuditQuery query) {
        int max = kit.settings().auditListLimitMax();
        int limit = PageLimit.resolve(query.limit(), Math.min(DEFAULT_LIMIT, max), max);
        Optional<TimeCursor> after = query.cursor().map(TimeCursor::parse);
        Optional<ActionPrefix> prefix = query.actionPrefix().map(ActionPrefix::parse);
        return kit.store().tx(() -> {
            GuildSnapshot guild = kit.store().access().guild(query.guild())
                    .orElseThrow(() -> new NotFoundException("guild"));
            AccessContext actor = kit.ladder().contextOf(guild, query.user());
            boolean allowed = actor.isServerOwner()
                    || (actor.isMember() && PermissionEvaluator.evaluate(actor).has(Permission.VIEW_AUDIT_LOG));
            if (!allowed) {
                throw new ForbiddenException(ForbiddenException.AUDIT_ACCESS_DENIED, "no access to the audit log");
            }
            return Page.of(kit.store().audit().page(query.guild(), after, prefix, limit), limit,
                    e -> new TimeCursor(e.createdAtUnix(), e.auditId().value()).toWire());
        });
    }
}
