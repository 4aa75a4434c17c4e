package dev.filament.application.guild.port.in;

import dev.filament.domain.guild.Channel;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;
import java.util.List;

/** Use case: the channels the caller can read (SPEC 5.8 {@code GET /guilds/{g}/channels}). */
public interface ListChannelsUseCase {
    int MAX_CHANNELS = 500;

    /** Answered as {@code {channels: [Channel]}}: those with {@code create_message}, oldest first, at most 500. */
    List<Channel> list(ListChannelsQuery query);

    record ListChannelsQuery(UserId user, ClientIp clientIp, GuildId guild) {
        public ListChannelsQuery {
            java.util.Objects.requireNonNull(user, "user");
            java.util.Objects.requireNonNull(clientIp, "clientIp");
            java.util.Objects.requireNonNull(guild, "guild");
        }
    }
}
