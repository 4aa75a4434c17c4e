package dev.filament.application.voice.usecase;

import dev.filament.application.guild.service.GuildKit;
import dev.filament.application.voice.VoiceRegistry;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.voice.VoiceRoom;

/**
 * Implements {@link UpdateVoiceStateUseCase}: after the ladder, requires at least one flag (400), then lets the
 * registry apply it; the registry publishes {@code voice_participant_update} only for values that changed, and does
 * nothing when the caller is not registered in that channel.
 */
public final class UpdateVoiceStateService implements UpdateVoiceStateUseCase {
    private final GuildKit kit;
    private final VoiceChannelGate gate;
    private final VoiceRegistry registry;

    public UpdateVoiceStateService(GuildKit kit, VoiceRegistry registry) {
        this.kit = kit;
        this.gate = new VoiceChannelGate(kit);
        this.registry = registry;
    }

    @Override
    public void update(UpdateVoiceStateCommand c) {
        gate.enter(c.user(), c.clientIp(), c.guild(), c.channel(), IpBanSurface.VOICE_STATE_UPDATE);
        if (c.muted().isEmpty() && c.deafened().isEmpty()) {
            throw new InvalidRequestException("is_muted or is_deafened is required");
        }
        registry.updateState(VoiceRoom.of(c.guild(), c.channel()).identityOf(c.user()), c.muted(), c.deafened(),
                kit.now());
    }
}
