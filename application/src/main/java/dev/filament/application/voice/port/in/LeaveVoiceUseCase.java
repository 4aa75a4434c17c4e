package dev.filament.application.voice.port.in;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;
import java.util.Objects;

/** Use case: leave a voice channel (SPEC 11.4 {@code POST .../voice/leave}); idempotent. */
public interface LeaveVoiceUseCase {

    /** {@code G}, {@code IP(voice.leave)}, {@code C}; then removes the caller from the channel if registered there. */
    void leave(LeaveVoiceCommand command);

    record LeaveVoiceCommand(UserId user, ClientIp clientIp, GuildId guild, ChannelId channel) {
        public LeaveVoiceCommand {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(clientIp, "clientIp");
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(channel, "channel");
        }
    }
}
