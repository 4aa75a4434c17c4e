package dev.filament.application.voice.service;

import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.service.StoredTime;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.voice.port.out.VoiceRegistry;
import dev.filament.application.voice.port.in.LeaveVoiceUseCase;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Clock;

/**
 * Implements {@link LeaveVoiceUseCase}: after the ladder, removes the caller's seat in that channel (unpublish per
 * stream, then {@code voice_participant_leave}, published by the registry). Not registered there is not an error.
 */
public final class LeaveVoiceService implements LeaveVoiceUseCase {
    private final VoiceChannelGate gate;
    private final VoiceRegistry registry;
    private final Clock clock;

    public LeaveVoiceService(AccessLadder ladder, UnitOfWork unitOfWork, VoiceRegistry registry, Clock clock) {
        this.gate = new VoiceChannelGate(ladder, unitOfWork);
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void leave(LeaveVoiceCommand c) {
        gate.enter(c.user(), c.clientIp(), c.guild(), c.channel(), IpBanSurface.VOICE_LEAVE);
        registry.leave(VoiceRoom.of(c.guild(), c.channel()).identityOf(c.user()), VoiceChannelGate.now(clock));
    }
}
