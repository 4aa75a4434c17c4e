package dev.filament.realtime.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher;
import dev.filament.application.voice.fakes.InMemoryLiveKitRoomService;
import dev.filament.application.voice.fakes.TestJson;
import dev.filament.application.voice.port.out.VoiceRepairReason;
import dev.filament.application.voice.port.out.VoiceSyncTelemetry;
import dev.filament.application.voice.service.LiveKitSync;
import dev.filament.application.voice.service.VoiceEventPayloads;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LiveKitSyncWorkerTest {

    @Test
    void passesKeepRunning_evenWhenOneThrows() throws Exception {
        CountDownLatch passes = new CountDownLatch(3);
        VoiceSyncTelemetry throwingTelemetry = new VoiceSyncTelemetry() {
            @Override
            public void repaired(VoiceRepairReason reason, int count) {
            }

            @Override
            public void callFailed(String room, String call, RuntimeException error) {
            }

            @Override
            public void passCompleted(int rooms, int removed, int errors) {
                passes.countDown();
                throw new IllegalStateException("telemetry broke");
            }
        };
        LocalVoiceRegistry registry = new LocalVoiceRegistry(new RecordingGatewayEventPublisher(),
                new VoiceEventPayloads(new TestJson()));
        LiveKitSync sync = new LiveKitSync(registry, new InMemoryLiveKitRoomService(), throwingTelemetry,
                Clock.systemUTC());

        try (LiveKitSyncWorker worker = new LiveKitSyncWorker(sync, Duration.ofMillis(5))) {
            worker.start();
            assertThat(passes.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void intervalMustBePositive() {
        LiveKitSync sync = new LiveKitSync(null, null, VoiceSyncTelemetry.NONE, Clock.systemUTC());

        assertThatThrownBy(() -> new LiveKitSyncWorker(sync, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
