package dev.filament.application.guild.port.in;

import dev.filament.application.shared.PageLimit;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.PublicGuildQuery;
import dev.filament.domain.id.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** Use case: the guild directory (SPEC 5.7 {@code GET /guilds/public?q=&limit=}). */
public interface ListPublicGuildsUseCase {

    /** Answered as {@code {guilds: [Guild]}}: public guilds only, newest first. */
    List<Guild> list(ListPublicGuildsQuery query);

    /** Query string; {@code q} and {@code limit} (1..50, default 20) are checked on construction (400). */
    record ListPublicGuildsQuery(UserId user, PublicGuildQuery q, int limit) {
        public ListPublicGuildsQuery {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(q, "q");
        }

        public static ListPublicGuildsQuery parse(UserId user, Optional<String> q, OptionalInt limit) {
            return new ListPublicGuildsQuery(user, PublicGuildQuery.parse(q.orElse("")),
                    PageLimit.resolve(limit, 20, 50));
        }
    }
}
