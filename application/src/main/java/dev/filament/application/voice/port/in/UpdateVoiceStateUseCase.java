package dev.filament.application.voice.port.in;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;
import java.util.Objects;
import java.util.Optional;

/** Use case: set the caller's mute/deafen flags in a voice channel (SPEC 11.4 {@code POST .../voice/state}). */
public interface UpdateVoiceStateUseCase {

    /**
     * {@code G}, {@code IP(voice.state.update)}, {@code C}; then 400 when neither flag is given (semantic validation
     * runs after the ladder, SPEC 1.10); then updates the registry, which publishes only changed values.
     */
    void update(UpdateVoiceStateCommand command);

    /** Absent flags stay unchanged; a JSON {@code null} arrives here as absent. */
    record UpdateVoiceStateCommand(UserId user, ClientIp clientIp, GuildId guild, ChannelId channel,
                                   Optional<Boolean> muted, Optional<Boolean> deafened) {
        public UpdateVoiceStateCommand {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(clientIp, "clientIp");
            Objects.requireNonNull(guild, "guild");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(muted, "muted");
            Objects.requireNonNull(deafened, "deafened");
        }
    }
}
