package dev.filament.application.voice.usecase;

import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.service.StoredTime;
import dev.filament.application.port.out.UnitOfWork;
import dev.filament.application.voice.VoiceRegistry;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Clock;

/**
 * Implements {@link UpdateVoiceStateUseCase}: after the ladder, requires at least one flag (400), then lets the
 * registry apply it; the registry publishes {@code voice_participant_update} only for values that changed, and does
 * nothing when the caller is not registered in that channel.
 */
public final class UpdateVoiceStateService implements UpdateVoiceStateUseCase {
    private final Clock clock;
    private final VoiceChannelGate gate;
    private final VoiceRegistry registry;

    public UpdateVoiceStateService(UnitOfWork tx, AccessLadder ladder, Clock clock, VoiceRegistry registry) {
        this.clock = clock;
        this.gate = new VoiceChannelGate(tx, ladder);
        this.registry = registry;
    }

    @Override
    public void update(UpdateVoiceStateCommand c) {
        gate.enter(c.user(), c.clientIp(), c.guild(), c.channel(), IpBanSurface.VOICE_STATE_UPDATE);
        if (c.muted().isEmpty() && c.deafened().isEmpty()) {
            throw new InvalidRequestException("is_muted or is_deafened is required");
        }
        registry.updateState(VoiceRoom.of(c.guild(), c.channel()).identityOf(c.user()), c.muted(), c.deafened(),
                StoredTime.now(clock));
    }
}
