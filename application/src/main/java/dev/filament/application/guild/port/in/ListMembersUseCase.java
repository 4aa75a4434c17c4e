package dev.filament.application.guild.port.in;

import dev.filament.application.shared.Page;
import dev.filament.application.shared.PageLimit;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.MemberEntry;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.Ulid;
import dev.filament.domain.id.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** Use case: page through the members of a guild (SPEC 6.1 {@code GET /guilds/{g}/members?cursor=&limit=}). */
public interface ListMembersUseCase {

    /** Answered as {@code {members: [{user_id, role_ids}], next_cursor}}, {@code user_id ASC}. */
    Page<MemberEntry> list(ListMembersQuery query);

    /** {@code limit} 1..200 (default 50), {@code cursor} a user id; both checked on parse (400). */
    record ListMembersQuery(UserId user, GuildId guild, Optional<UserId> after, int limit) {
        public ListMembersQuery {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(after, "after");
        }

        public static ListMembersQuery parse(UserId user, GuildId guild, Optional<String> cursor,
                                             OptionalInt limit) {
            Optional<UserId> after = cursor.map(c -> UserId.of(Ulid.parse(c)
                    .orElseThrow(() -> new InvalidRequestException("cursor must be a ULID"))));
            return new ListMembersQuery(user, guild, after, PageLimit.resolve(limit, 50, 200));
        }
    }
}
