package dev.filament.application.guild.port.in;

import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.ChannelKind;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;
import java.util.Objects;
import java.util.Optional;

/** Use case: create a channel (SPEC 5.8 {@code POST /guilds/{g}/channels}). */
public interface CreateChannelUseCase {

    /**
     * Returns the channel ({@code Channel = {channel_id, name, kind}}); publishes {@code channel_create}.
     *
     * @throws dev.filament.domain.error.ForbiddenException 403 not a member, IP-banned, or no
     *         {@code manage_channel_overrides}
     * @throws dev.filament.domain.error.ConflictException 409 {@code quota_exceeded} at 500 channels
     */
    Channel create(CreateChannelCommand command);

    /** Body {@code {name, kind?}}. */
    record CreateChannelCommand(UserId user, ClientIp clientIp, GuildId guild, String name,
                                Optional<ChannelKind> kind) {
        public CreateChannelCommand {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(clientIp, "clientIp");
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(kind, "kind");
        }
    }
}
