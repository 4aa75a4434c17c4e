package dev.filament.application.message.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.RequestTimings;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.application.guild.port.SimpleJsonSerializer;
import dev.filament.application.guild.port.out.RecordingHandOffPorts;
import dev.filament.application.guild.service.HandOffs;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageContent;
import dev.filament.domain.message.MessageView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The message hand-offs add their time to the {@code fanout} and {@code search_enqueue} phases (SPEC 14.3). */
class MessageHandOffsTest {
    private static final long SPIN_NANOS = 2_000_000;

    /** Busy-waits (no sleeping) so the phase has a known minimum duration. */
    private static void spin() {
        long until = System.nanoTime() + SPIN_NANOS;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    private final GatewayEventPublisher slowPublisher = new GatewayEventPublisher() {
        @Override
        public void publish(GatewayEvent event) {
            spin();
        }

        @Override
        public void dropSubscriptions(UserId user, GuildId guild, UnsubscribeReason reason) {
        }

        @Override
        public void closeSession(SessionId session, CloseReason reason) {
        }
    };

    @Test
    void publishCountsAsFanoutAndTheWakeUpAsSearchEnqueue() {
        RecordingHandOffPorts failures = new RecordingHandOffPorts(() -> false);
        RequestTimings timings = new RequestTimings();
        MessageHandOffs handOffs = new MessageHandOffs(new HandOffs(slowPublisher, new SimpleJsonSerializer(),
                failures, failures, failures), MessageHandOffsTest::spin, () -> { }, timings);
        TestIds ids = new TestIds();
        Message m = Message.post(ids.newMessageId(), ids.newGuildId(), ids.newChannelId(), ids.newUserId(),
                MessageContent.of("timed"), Instant.now());

        try (RequestTimings.Recording recording = timings.open()) {
            handOffs.created(new MessageView(m, List.of()));

            assertThat(recording.millis(RequestTimings.Phase.FANOUT)).isGreaterThanOrEqualTo(2.0);
            assertThat(recording.millis(RequestTimings.Phase.SEARCH_ENQUEUE)).isGreaterThanOrEqualTo(2.0);
            assertThat(recording.millis(RequestTimings.Phase.DB)).isZero();
        }
        assertThat(failures.log()).isEmpty();
    }
}
