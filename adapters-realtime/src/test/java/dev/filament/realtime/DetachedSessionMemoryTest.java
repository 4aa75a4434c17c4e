package dev.filament.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.gateway.port.out.GatewaySocket;
import dev.filament.application.gateway.port.out.RecordingGatewayMetrics;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.testing.Eventually;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures what detached sessions cost (#15's closing note): heap after GC with N detached sessions, idle and with
 * nearly full replay buffers of broadcast events (whose payloads every session shares).
 */
class DetachedSessionMemoryTest {
    private static final int N = 2_000;
    private static final int BROADCASTS = 500;
    private static final GatewaySocket DISCARDING = new GatewaySocket() {
        @Override
        public void sendText(String text) {
            // the client read it
        }

        @Override
        public void close(int code, String reason) {
            // nothing to close
        }

        @Override
        public void abort() {
            // nothing to drop
        }
    };

    @Test
    void detachedSessions_costAFewKilobytesIdle_andFramesOfSharedPayloadsWhenFull() throws Exception {
        GuildId g = TestIds.guild();
        List<ChannelId> channels = List.of(TestIds.channel(), TestIds.channel(), TestIds.channel());
        try (FanoutFixture fx = new FanoutFixture(GatewayLimits.defaults(),
                ResumeLimits.defaults().withMaxDetached(N), true)) {
            long base = usedAfterGc();
            List<ConnectionSession> sessions = new ArrayList<>();
            // one user: only the last detach publishes a presence_update, which every session would buffer otherwise
            UserId user = TestIds.user();
            for (int i = 0; i < N; i++) {
                ConnectionId id = TestIds.connection();
                sessions.add(fx.fanout.connect(id, user, TestIds.session(), DISCARDING));
                fx.fanout.subscribe(id, g, channels.get(i % channels.size()));
            }
            sessions.forEach(s -> fx.fanout.disconnect(s.id(), CloseReason.CONNECTION_LOST));
            Eventually.until("all detached", FanoutFixture.WAIT, () -> fx.fanout.registry().detachedCount() == N);
            long idle = (usedAfterGc() - base) / N;
            long idleReplay = fx.metrics.gauge(RecordingGatewayMetrics.REPLAY_BYTES) / N;

            String payload = "{\"m\":\"" + "x".repeat(200) + "\"}";
            for (int i = 0; i < BROADCASTS; i++) {
                fx.fanout.publish(GatewayEvent.of("workspace_update", GatewayEvent.Scope.guild(g), payload));
            }
            Eventually.until("dispatched", FanoutFixture.WAIT, () -> fx.fanout.dispatcher().queueDepth() == 0
                    && sessions.getLast().lastSequence() >= BROADCASTS);
            long full = (usedAfterGc() - base) / N;
            long fullReplay = fx.metrics.gauge(RecordingGatewayMetrics.REPLAY_BYTES) / N;
            System.out.printf("[resume] heap per detached session: idle %d B (replay gauge %d B); with %d buffered"
                    + " broadcasts of shared payloads %d B (replay gauge %d B)%n", idle, idleReplay, BROADCASTS, full,
                    fullReplay);
            assertThat(fx.fanout.registry().detachedCount()).isEqualTo(N);
            assertThat(idle).as("idle detached session").isLessThan(16 * 1024);
            assertThat(full).as("a full buffer holds references, not copies").isLessThan(64 * 1024);
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
