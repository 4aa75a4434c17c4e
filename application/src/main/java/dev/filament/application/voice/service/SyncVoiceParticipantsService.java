package dev.filament.application.voice.service;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.voice.port.in.SyncVoiceParticipantsUseCase;
import dev.filament.application.voice.port.out.VoiceRegistry;
import dev.filament.application.voice.port.out.VoiceRepairReason;
import dev.filament.application.voice.port.out.VoiceSyncTelemetry;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Clock;
import java.time.Instant;

/** Implements {@link SyncVoiceParticipantsUseCase} over the voice registry. Never blocks; thread-safe. */
public final class SyncVoiceParticipantsService implements SyncVoiceParticipantsUseCase {
    private final VoiceRegistry registry;
    private final VoiceEventPayloads payloads;
    private final VoiceSyncTelemetry telemetry;
    private final Clock clock;

    public SyncVoiceParticipantsService(VoiceRegistry registry, VoiceEventPayloads payloads,
                                        VoiceSyncTelemetry telemetry, Clock clock) {
        this.registry = registry;
        this.payloads = payloads;
        this.telemetry = telemetry;
        this.clock = clock;
    }

    @Override
    public GatewayEvent syncFor(ConnectionId connection, GuildId guild, ChannelId channel) {
        Instant now = clock.instant();
        VoiceRoom room = VoiceRoom.of(guild, channel);
        int pruned = registry.pruneExpired(room, now);
        if (pruned > 0) {
            telemetry.repaired(VoiceRepairReason.SUBSCRIBE, pruned);
        }
        return payloads.sync(connection, room, registry.participants(room), now);
    }
}
