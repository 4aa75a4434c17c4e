package dev.filament.application.voice.service;

import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.service.StoredTime;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.voice.port.out.VoiceRegistry;
import dev.filament.application.voice.port.in.UpdateVoiceStateUseCase;
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
    private final VoiceChannelGate gate;
    private final VoiceRegistry registry;
    private final Clock clock;

    public UpdateVoiceStateService(AccessLadder ladder, UnitOfWork unitOfWork, VoiceRegistry registry, Clock clock) {
        this.gate = new VoiceChannelGate(ladder, unitOfWork);
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void update(UpdateVoiceStateCommand c) {
        gate.enter(c.user(), c.clientIp(), c.guild(), c.channel(), IpBanSurface.VOICE_STATE_UPDATE);
        if (c.muted().isEmpty() && c.deafened().isEmpty()) {
            throw new InvalidRequestException("is_muted or is_deafened is required");
        }
        registry.updateState(VoiceRoom.of(c.guild(), c.channel()).identityOf(c.user()), c.muted(), c.deafened(),
                VoiceChannelGate.now(clock));
    }
}
