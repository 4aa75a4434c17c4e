package dev.filament.application.guild.port.in;

import dev.filament.application.shared.Page;
import dev.filament.application.shared.PageLimit;
import dev.filament.domain.guild.GuildBan;
import dev.filament.domain.guild.TimeCursor;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** Use case: page through a guild's bans (SPEC 6.3 {@code GET /guilds/{g}/bans?cursor=&limit=}). */
public interface ListBansUseCase {

    /**
     * Answered as {@code {bans: [{user_id, banned_by_user_id|null, created_at_unix}], next_cursor}}, ordered
     * {@code created_at DESC, user_id DESC}; the cursor is {@code {created_at_unix}_{user_id}}.
     */
    Page<GuildBan> list(ListBansQuery query);

    /** {@code limit} 1..100 (default 20), cursor {@code {int64}_{ULID}}; checked on parse (400). */
    record ListBansQuery(UserId user, GuildId guild, Optional<TimeCursor> after, int limit) {
        public ListBansQuery {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(after, "after");
        }

        public static ListBansQuery parse(UserId user, GuildId guild, Optional<String> cursor, OptionalInt limit) {
            return new ListBansQuery(user, guild, cursor.map(TimeCursor::parse), PageLimit.resolve(limit, 20, 100));
        }
    }
}
