package dev.filament.application.guild.port.in;

import dev.filament.application.shared.Page;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** Use case: page through a guild's audit log (SPEC 7.2 {@code GET /guilds/{g}/audit}). */
public interface ListAuditUseCase {

    /**
     * Answered as {@code {events: [{audit_id, actor_user_id, target_user_id|null, action, created_at_unix,
     * ip_ban_match}], next_cursor}} (see {@link AuditEntry#ipBanMatch()}); {@code details} are never returned.
     *
     * @throws dev.filament.domain.error.InvalidRequestException 400 bad limit, cursor or prefix
     * @throws dev.filament.domain.error.NotFoundException 404 unknown guild
     * @throws dev.filament.domain.error.ForbiddenException 403 {@code audit_access_denied}
     */
    Page<AuditEntry> list(ListAuditQuery query);

    /** Raw query string values; checked by the use case before anything else (400). */
    record ListAuditQuery(UserId user, GuildId guild, Optional<String> cursor, OptionalInt limit,
                          Optional<String> actionPrefix) {
        public ListAuditQuery {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(cursor, "cursor");
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(actionPrefix, "actionPrefix");
        }
    }
}
