package dev.filament.application.search.port.in;

import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;
import java.util.Objects;

/**
 * Use case: re-index a whole guild (SPEC 10.3 {@code POST /guilds/{g}/search/rebuild}, answered 204). Ladder
 * {@code G}, {@code IP(search.rebuild)}, {@code GP(manage_workspace_roles)}; queues one {@code rebuild} outbox row for
 * the guild unless one is pending, then wakes the indexer, which does the work in batches.
 */
public interface RebuildSearchUseCase {

    void rebuild(GuildSearchCommand command);

    /** Who asks for a guild-wide search operation (rebuild or reconcile). */
    record GuildSearchCommand(UserId user, ClientIp clientIp, GuildId guild) {
        public GuildSearchCommand {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(clientIp, "clientIp");
            Objects.requireNonNull(guild, "guild");
        }
    }
}
