package dev.filament.application.guild.port.in;

import dev.filament.domain.guild.access.EffectivePermissions;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;
import java.util.Objects;

/** Use case: the caller's permissions in a channel (SPEC 5.8 {@code GET .../channels/{c}/permissions/self}). */
public interface GetSelfPermissionsUseCase {

    /** Answered as {@code {role: legacy role, permissions: [perm]}} (channel level). */
    EffectivePermissions get(GetSelfPermissionsQuery query);

    record GetSelfPermissionsQuery(UserId user, ClientIp clientIp, GuildId guild, ChannelId channel) {
        public GetSelfPermissionsQuery {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(clientIp, "clientIp");
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(channel, "channel");
        }
    }
}
