package dev.filament.application.voice;

import dev.filament.application.gateway.GatewayEvent;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Clock;
import java.time.Instant;

/**
 * Application service for the gateway {@code subscribe} command (SPEC 9.4, 11.3): prunes the channel's expired
 * participants (their leave events go to the channel) and builds the {@code voice_participant_sync} event for the
 * subscribing connection. Never blocks; thread-safe.
 */
public final class VoiceSubscribeSync {
    private final VoiceRegistry registry;
    private final VoiceEventPayloads payloads;
    private final VoiceSyncTelemetry telemetry;
    private final Clock clock;

    public VoiceSubscribeSync(VoiceRegistry registry, VoiceEventPayloads payloads, VoiceSyncTelemetry telemetry,
            Clock clock) {
        this.registry = registry;
        this.payloads = payloads;
        this.telemetry = telemetry;
        this.clock = clock;
    }

    /** The sync event for {@code connection} (participants {@code []} for a text channel), after pruning. */
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
