package dev.filament.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.gateway.port.out.RecordingGatewayMetrics;
import dev.filament.domain.gateway.CloseReason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ConnectionSessionTest {
    private final RecordingGatewayMetrics metrics = new RecordingGatewayMetrics();
    private final RecordingTransport transport = new RecordingTransport();
    // written by the writer's virtual thread, which runs finished() only after awaitClosed() may already have returned
    private final List<String> lifecycleCalls = new CopyOnWriteArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);

    private ConnectionSession session(GatewayLimits limits) {
        return new ConnectionSession(TestIds.connection(), TestIds.user(), TestIds.session(), transport, limits,
                metrics);
    }

    private final SessionLifecycle lifecycle = new SessionLifecycle() {
        @Override
        public synchronized void close(ConnectionSession s, CloseReason reason) {
            s.beginClose(reason);
        }

        @Override
        public void discard(ConnectionSession s) {
            s.discard();
        }

        @Override
        public synchronized void finished(ConnectionSession s) {
            lifecycleCalls.add("finished");
            finished.countDown();
        }
    };

    @Test
    void queueBound_ofEvents_rejectsThe257thWithoutConsumingASequenceNumber() throws Exception {
        ConnectionSession s = session(GatewayLimits.defaults());
        for (int i = 0; i < 256; i++) {
            assertThat(s.offer("message_create", "channel", "{}", 40)).isEqualTo(ConnectionSession.Offer.QUEUED);
        }

        assertThat(s.offer("message_create", "channel", "{}", 40)).isEqualTo(ConnectionSession.Offer.OVERFLOW);
        s.startWriter(lifecycle);
        List<RecordingTransport.Frame> frames = transport.awaitFrame(f -> f.sequence() == 256, Duration.ofSeconds(10));
        assertThat(frames).hasSize(256).extracting(RecordingTransport.Frame::sequence).doesNotHaveDuplicates();
        assertThat(s.offer("message_create", "channel", "{\"last\":1}", 40)).isEqualTo(ConnectionSession.Offer.QUEUED);
        assertThat(transport.awaitFrame(f -> f.payloadJson().equals("{\"last\":1}"), Duration.ofSeconds(10))
                .getLast().sequence()).isEqualTo(257);
    }

    @Test
    void queueBound_ofBytes_admitsOneOversizedFrameIntoAnEmptyQueueOnly() {
        ConnectionSession s = session(GatewayLimits.defaults().withOutboundMaxBytes(1_000));

        assertThat(s.offer("message_create", "channel", "{}", 5_000)).isEqualTo(ConnectionSession.Offer.QUEUED);
        assertThat(s.offer("message_create", "channel", "{}", 10)).isEqualTo(ConnectionSession.Offer.OVERFLOW);
        assertThat(s.queuedEvents()).isEqualTo(1);
    }

    @Test
    void slowConsumerClose_discardsQueuedFrames_countsThem_andSendsOneCloseFrame() throws Exception {
        ConnectionSession s = session(GatewayLimits.defaults());
        s.offer("message_create", "channel", "{}", 40);
        s.offer("message_create", "channel", "{}", 40);

        assertThat(s.beginClose(CloseReason.SLOW_CONSUMER)).isTrue();
        assertThat(s.beginClose(CloseReason.CLIENT_CLOSE)).isFalse();
        assertThat(s.offer("message_create", "channel", "{}", 40)).isEqualTo(ConnectionSession.Offer.CLOSED);
        s.startWriter(lifecycle);

        assertThat(transport.awaitClose(Duration.ofSeconds(10))).isEqualTo("1008 slow_consumer");
        assertThat(s.awaitClosed(Duration.ofSeconds(10))).isTrue();
        assertThat(transport.frames()).isEmpty();
        assertThat(transport.closes()).hasSize(1);
        assertThat(s.state()).isEqualTo(ConnectionSession.State.CLOSED);
        assertThat(metrics.counter(RecordingGatewayMetrics.DROPPED,
                Map.of("scope", "channel", "event_type", "message_create", "reason", "closed"))).isEqualTo(2);
    }

    @Test
    void orderlyClose_flushesQueuedFramesBeforeTheCloseFrame() throws Exception {
        ConnectionSession s = session(GatewayLimits.defaults());
        s.offer("ready", "connection", "{}", 40);
        s.offer("message_create", "channel", "{}", 40);

        s.beginClose(CloseReason.SESSION_REVOKED);
        s.startWriter(lifecycle);

        assertThat(s.awaitClosed(Duration.ofSeconds(10))).isTrue();
        assertThat(transport.frames()).extracting(RecordingTransport.Frame::type).containsExactly("ready",
                "message_create");
        assertThat(transport.closes()).containsExactly("4401 session_revoked");
    }

    @Test
    void heartbeatTimeout_abortsWithoutACloseFrame() throws Exception {
        ConnectionSession s = session(GatewayLimits.defaults());
        s.startWriter(lifecycle);

        s.beginClose(CloseReason.HEARTBEAT_TIMEOUT);

        assertThat(s.awaitClosed(Duration.ofSeconds(10))).isTrue();
        assertThat(transport.closes()).isEmpty();
        assertThat(transport.awaitAborted(Duration.ofSeconds(10))).isTrue();
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(lifecycleCalls).containsExactly("finished");
    }

    @Test
    void frameText_splicesThePayloadIntoTheEnvelope() {
        OutboundFrame frame = new OutboundFrame(7, "message_create", "channel", "{\"a\":\"é\"}", 0);

        assertThat(frame.text()).isEqualTo("{\"v\":1,\"t\":\"message_create\",\"d\":{\"a\":\"é\"},\"s\":7}");
        assertThat(OutboundFrame.serializedSize("message_create", "{\"a\":\"é\"}"))
                .isGreaterThanOrEqualTo(frame.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
}
