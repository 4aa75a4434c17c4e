package dev.filament.application.guild.port.in;

import dev.filament.application.shared.Page;
import dev.filament.application.shared.PageLimit;
import dev.filament.domain.guild.TimeCursor;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** Use case: page through a guild's active IP bans (SPEC 6.6 {@code GET /guilds/{g}/ip-bans?cursor=&limit=}). */
public interface ListIpBansUseCase {

    /**
     * Answered as {@code {bans: [{ban_id, source_user_id|null, reason|null, created_at_unix, expires_at_unix|null}],
     * next_cursor}} (see {@link IpBan#reasonForList()}); networks are never returned. Order
     * {@code created_at DESC, ban_id DESC}; cursor {@code {created_at_unix}_{ban_id}}.
     */
    Page<IpBan> list(ListIpBansQuery query);

    /** {@code limit} 1..100 (default 20); checked on parse (400). */
    record ListIpBansQuery(UserId user, GuildId guild, Optional<TimeCursor> after, int limit) {
        public ListIpBansQuery {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(after, "after");
        }

        public static ListIpBansQuery parse(UserId user, GuildId guild, Optional<String> cursor, OptionalInt limit) {
            return new ListIpBansQuery(user, guild, cursor.map(TimeCursor::parse), PageLimit.resolve(limit, 20, 100));
        }
    }
}
