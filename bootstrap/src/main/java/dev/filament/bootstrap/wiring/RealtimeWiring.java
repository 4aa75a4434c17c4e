package dev.filament.bootstrap.wiring;

import dev.filament.application.shared.port.out.ReadinessCheck;
import dev.filament.application.search.port.out.SearchIndexQueue;
import dev.filament.application.voice.port.in.SyncVoiceParticipantsUseCase;
import dev.filament.application.voice.port.out.VoiceRegistry;
import dev.filament.application.voice.port.out.VoiceSyncGate;
import dev.filament.application.voice.port.out.VoiceTokenIssuer;
import dev.filament.bootstrap.wiring.ScaleOutWiring.ScaleOut;
import dev.filament.bootstrap.wiring.ScaleOutWiring.ScaleVoice;
import dev.filament.application.voice.service.LiveKitSync;
import dev.filament.application.voice.service.SyncVoiceParticipantsService;
import dev.filament.application.voice.service.VoiceEventPayloads;
import dev.filament.bootstrap.config.ServerConfig;
import dev.filament.domain.id.UserId;
import dev.filament.http.json.JacksonPayloadSerializer;
import dev.filament.http.json.Json;
import dev.filament.micrometer.MicrometerGatewayMetrics;
import dev.filament.micrometer.MicrometerSearchMetrics;
import dev.filament.livekit.LiveKitCredentials;
import dev.filament.livekit.LiveKitHttpRoomService;
import dev.filament.livekit.LiveKitJwtIssuer;
import dev.filament.micrometer.LoggingVoiceSyncTelemetry;
import dev.filament.postgres.JooqUnitOfWork;
import dev.filament.postgres.friend.JooqObserverDirectory;
import dev.filament.postgres.search.JooqSearchIndexStore;
import dev.filament.realtime.GatewayFanout;
import dev.filament.realtime.GatewayLimits;
import dev.filament.realtime.GatewayReadinessCheck;
import dev.filament.realtime.LastConnectionListener;
import dev.filament.realtime.revalidation.GuildRevalidationWorker;
import dev.filament.realtime.search.SearchIndexer;
import dev.filament.realtime.search.SearchReadinessCheck;
import dev.filament.realtime.voice.LiveKitSyncWorker;
import dev.filament.realtime.voice.LocalVoiceRegistry;
import dev.filament.realtime.voice.VoiceLastConnectionListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The after-commit consumers: the gateway fanout, the voice registry (with the LiveKit sync when configured) and the
 * search indexer, each a hand-off that cannot block a request; plus their readiness checks.
 */
public final class RealtimeWiring {

    private RealtimeWiring() {
    }

    /**
     * The started consumers: the gateway fanout (the gateway's connections, subscriptions and publisher), the voice
     * registry with its subscribe sync and token issuer ({@link VoiceTokenIssuer#UNCONFIGURED} without LiveKit), the
     * search indexer's wake-up queue, the revalidation worker (started by the gateway wiring) and the checks.
     */
    public record Realtime(GatewayFanout fanout, VoiceRegistry voice, Optional<ScaleVoice> scaleVoice,
                           SyncVoiceParticipantsUseCase voiceSync,
                           VoiceTokenIssuer voiceTokens, SearchIndexQueue searchQueue,
                           GuildRevalidationWorker revalidation, List<ReadinessCheck> readiness) {
    }

    public static Realtime start(ServerConfig config, JooqUnitOfWork unitOfWork, MeterRegistry meters, Json json,
                                 Clock clock, Lifecycle lifecycle, Optional<ScaleOut> scaleOut) {
        // The fanout calls the voice listener when a user's last connection closes; the registry publishes through
        // the fanout. The forwarding listener breaks the cycle.
        ForwardingListener lastConnection = new ForwardingListener();
        GatewayFanout fanout = lifecycle.own(new GatewayFanout(GatewayLimits.defaults(),
                new MicrometerGatewayMetrics(meters), lastConnection, new JacksonPayloadSerializer(json)));
        fanout.resolveObserversWith(new JooqObserverDirectory(unitOfWork)); // SPEC 9.5 observers(U)
        fanout.start();
        VoiceEventPayloads payloads = new VoiceEventPayloads(new JacksonPayloadSerializer(json)::toJson);
        // with scale-out the registry, the connection counts (which run the last-connection removal) and the sync
        // loop's lease are shared through Redis (17.6)
        Optional<ScaleVoice> scaleVoice = scaleOut.map(s -> s.voice(fanout, payloads, clock));
        VoiceRegistry voice = scaleVoice.<VoiceRegistry>map(ScaleVoice::registry)
                .orElseGet(() -> new LocalVoiceRegistry(fanout, payloads));
        if (scaleVoice.isEmpty()) {
            lastConnection.target = new VoiceLastConnectionListener(voice, clock);
        }
        VoiceSyncGate syncGate = scaleVoice.<VoiceSyncGate>map(ScaleVoice::leader)
                .orElse(VoiceSyncGate.SINGLE_PROCESS);
        LoggingVoiceSyncTelemetry voiceTelemetry = new LoggingVoiceSyncTelemetry(meters);
        VoiceTokenIssuer tokens = VoiceTokenIssuer.UNCONFIGURED;
        if (config.liveKit().isPresent()) {
            LiveKitCredentials creds = new LiveKitCredentials(config.liveKit().get().apiKey(),
                    config.liveKit().get().apiSecret(), config.liveKitUrl());
            tokens = new LiveKitJwtIssuer(creds);
            LiveKitHttpRoomService rooms = lifecycle.own(new LiveKitHttpRoomService(creds, clock));
            LiveKitSyncWorker sync = lifecycle.own(new LiveKitSyncWorker(
                    new LiveKitSync(voice, rooms, voiceTelemetry, clock, syncGate)));
            sync.start();
        }
        JooqSearchIndexStore indexStore = new JooqSearchIndexStore(unitOfWork, clock);
        SearchIndexer indexer = lifecycle.own(new SearchIndexer(indexStore, new MicrometerSearchMetrics(meters), clock));
        indexer.start();
        List<ReadinessCheck> readiness = List.of(
                new SearchReadinessCheck(indexStore, indexer, Duration.ofSeconds(config.searchMaxLagSeconds()), clock),
                new GatewayReadinessCheck(fanout));
        // owned after the fanout, so closed before it; started by the guild wiring, which it serves
        GuildRevalidationWorker revalidation = lifecycle.own(new GuildRevalidationWorker(voice, clock));
        return new Realtime(fanout, voice, scaleVoice,
                new SyncVoiceParticipantsService(voice, payloads, voiceTelemetry, clock),
                tokens, indexer, revalidation, readiness);
    }

    /** Forwards to a listener set after construction. */
    private static final class ForwardingListener implements LastConnectionListener {
        private volatile LastConnectionListener target = LastConnectionListener.NONE;

        @Override
        public void lastConnectionClosed(UserId user) {
            target.lastConnectionClosed(user);
        }
    }
}
