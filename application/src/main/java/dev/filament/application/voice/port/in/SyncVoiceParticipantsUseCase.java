package dev.filament.application.voice.port.in;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.GuildId;

/**
 * Use case: the voice part of the gateway {@code subscribe} command (SPEC 9.4, 11.3): prunes the channel's expired
 * participants (their leave events go to the channel) and returns the {@code voice_participant_sync} event for the
 * subscribing connection. Never blocks; thread-safe.
 */
public interface SyncVoiceParticipantsUseCase {

    /** The sync event for {@code connection} (participants {@code []} for a text channel), after pruning. */
    GatewayEvent syncFor(ConnectionId connection, GuildId guild, ChannelId channel);
}
