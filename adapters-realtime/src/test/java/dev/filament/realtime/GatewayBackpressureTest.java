package dev.filament.realtime;

import static dev.filament.realtime.FanoutFixture.WAIT;
import static dev.filament.realtime.FanoutFixture.assertConsecutive;
import static dev.filament.realtime.FanoutFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.ReadinessCheck;
import dev.filament.application.shared.testing.Eventually;
import dev.filament.application.gateway.port.out.RecordingGatewayMetrics;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.realtime.FanoutFixture.Client;
import dev.filament.realtime.RecordingTransport.Frame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SPEC 9.7: a stuck client stalls only itself; a full dispatch queue never stalls the publisher. */
@Timeout(60)
class GatewayBackpressureTest {
    private final GuildId g = TestIds.guild();
    private final ChannelId c = TestIds.channel();

    private static ConnectionSession connectStuck(FanoutFixture fx, BlockingTransport transport) {
        return fx.fanout.connect(TestIds.connection(), TestIds.user(), TestIds.session(), transport);
    }

    @Test
    void clientThatNeverReads_isClosedSlowConsumerAtItsQueueBound_whileOthersGetEverything_andPublishNeverWaits()
            throws Exception {
        // both stuck clients block their first send until the end; the write timeout must not close them on a
        // machine slow enough to take 10 s (the default) over the 10,000 events: only the queue bound may
        try (FanoutFixture fx = new FanoutFixture(GatewayLimits.defaults().withWriteTimeout(Duration.ofMinutes(5)),
                true)) {
            BlockingTransport hotBlocked = new BlockingTransport();
            ConnectionSession stuck = connectStuck(fx, hotBlocked);
            fx.fanout.subscribe(stuck.id(), g, c);
            BlockingTransport idleBlocked = new BlockingTransport();
            ConnectionSession stuckIdle = connectStuck(fx, idleBlocked);
            fx.fanout.subscribe(stuckIdle.id(), g, TestIds.channel());
            assertThat(hotBlocked.awaitSendBlocked(WAIT)).isTrue();
            assertThat(idleBlocked.awaitSendBlocked(WAIT)).isTrue();
            List<Client> healthy = IntStream.range(0, 3).mapToObj(i -> fx.connect(TestIds.user())).toList();
            healthy.forEach(h -> h.subscribe(g, c));

            long publishNanos = 0;
            for (int chunk = 0; chunk < 100; chunk++) {
                for (int i = 0; i < 100; i++) {
                    GatewayEvent event = message(g, c, "e" + (chunk * 100 + i));
                    long t0 = System.nanoTime();
                    fx.fanout.publish(event);
                    publishNanos += System.nanoTime() - t0;
                }
                // pace by chunks so healthy clients never reach their own bound; only publish time is measured
                for (Client h : healthy) {
                    h.awaitMarker("e" + (chunk * 100 + 99));
                }
            }

            // a publish that waited on the stuck client would never return; the bound only separates "returned" from "stuck"
            assertThat(Duration.ofNanos(publishNanos)).isLessThan(Duration.ofSeconds(5));
            List<String> expected = IntStream.range(0, 10_000).mapToObj(i -> "{\"m\":\"e" + i + "\"}").toList();
            for (Client h : healthy) {
                List<Frame> frames = h.transport().frames();
                assertConsecutive(frames);
                assertThat(frames.stream().filter(f -> f.type().equals("message_create")).map(Frame::payloadJson)
                        .toList()).containsExactlyElementsOf(expected);
            }
            assertThat(stuck.closeReason()).isEqualTo(CloseReason.SLOW_CONSUMER);
            assertThat(fx.fanout.registry().connection(stuck.id())).isEmpty();
            assertThat(stuckIdle.state()).isEqualTo(ConnectionSession.State.OPEN);
            assertThat(fx.metrics.counter(RecordingGatewayMetrics.DROPPED,
                    Map.of("scope", "channel", "event_type", "message_create", "reason", "slow_consumer"))).isEqualTo(1);
            assertThat(fx.metrics.counter(RecordingGatewayMetrics.DISCONNECTS, Map.of("reason", "slow_consumer")))
                    .isEqualTo(1);
            assertThat(fx.metrics.outboundDepthSamples()).allMatch(d -> d <= 256);
            hotBlocked.abort();
            idleBlocked.abort();
        }
    }

    @Test
    void sendBlockedPastTheWriteTimeout_closesSlowConsumer_abortsTheSocket_andTellsTheOthers() throws Exception {
        try (FanoutFixture fx = new FanoutFixture(GatewayLimits.defaults().withWriteTimeout(Duration.ofMillis(200)),
                true)) {
            Client watcher = fx.connect(TestIds.user());
            watcher.subscribe(g, c);
            BlockingTransport blocked = new BlockingTransport();
            ConnectionSession stuck = connectStuck(fx, blocked);
            fx.fanout.subscribe(stuck.id(), g, c);

            assertThat(stuck.awaitClosed(WAIT)).isTrue();

            assertThat(stuck.closeReason()).isEqualTo(CloseReason.SLOW_CONSUMER);
            assertThat(blocked.awaitAborted(WAIT)).as("socket aborted (asynchronously, by design)").isTrue();
            assertThat(blocked.closeFrame()).as("no close frame on a socket that does not drain").isNull();
            List<Frame> frames = watcher.transport().awaitFrame(f -> f.type().equals("presence_update"), WAIT);
            assertThat(frames.getLast().payloadJson()).contains(stuck.user().value(), "offline");
            assertThat(watcher.session().state()).isEqualTo(ConnectionSession.State.OPEN);
        }
    }

    @Test
    void fullDispatchQueue_publishReturnsAtOnce_scopeIsClosedServerOverloaded_dropCounted_readinessDegraded()
            throws Exception {
        try (FanoutFixture fx = new FanoutFixture(GatewayLimits.defaults().withDispatchCapacity(4), false)) {
            Client inScope = fx.connect(TestIds.user());
            inScope.subscribe(g, c);
            GuildId otherGuild = TestIds.guild();
            ChannelId otherChannel = TestIds.channel();
            Client elsewhere = fx.connect(TestIds.user());
            elsewhere.subscribe(otherGuild, otherChannel);
            // ready is frame 1 on each writer's own thread; an overload close discards what is still queued, so the
            // test waits for it rather than racing the writer
            inScope.transport().awaitFrame(f -> f.type().equals("ready"), WAIT);
            for (int i = 0; i < 4; i++) {
                fx.fanout.publish(message(g, c, "queued" + i));
            }

            long t0 = System.nanoTime();
            fx.fanout.publish(message(g, c, "overflow"));
            Duration publishTook = Duration.ofNanos(System.nanoTime() - t0);

            assertThat(publishTook).isLessThan(Duration.ofSeconds(1));
            assertThat(inScope.session().closeReason()).isEqualTo(CloseReason.SERVER_OVERLOADED);
            assertThat(inScope.transport().awaitClose(WAIT)).isEqualTo("1013 server_overloaded");
            assertThat(elsewhere.session().state()).isEqualTo(ConnectionSession.State.OPEN);
            assertThat(fx.metrics.counter(RecordingGatewayMetrics.DROPPED, Map.of("scope", "channel",
                    "event_type", "message_create", "reason", "dispatch_overflow"))).isEqualTo(1);
            assertThat(new GatewayReadinessCheck(fx.fanout).check().ok()).isFalse();

            fx.fanout.start();
            awaitDrained(fx);
            fx.fanout.publish(message(otherGuild, otherChannel, "after"));
            assertThat(elsewhere.awaitMarker("after")).extracting(Frame::type)
                    .containsExactly("ready", "message_create");
            assertThat(inScope.transport().frames()).extracting(Frame::type).containsExactly("ready");
        }
    }

    @Test
    void overflowCascadeThroughPresenceFollowUps_closesTheWholeChain_withoutRecursion() throws Exception {
        int chain = 3_000;
        try (FanoutFixture fx = new FanoutFixture(GatewayLimits.defaults().withDispatchCapacity(1), false)) {
            List<GuildId> guilds = IntStream.rangeClosed(0, chain).mapToObj(i -> TestIds.guild()).toList();
            List<Client> clients = new ArrayList<>();
            for (int i = 0; i < chain; i++) {
                Client client = fx.connect(TestIds.user());
                client.subscribe(guilds.get(i), TestIds.channel());
                client.subscribe(guilds.get(i + 1), TestIds.channel());
                clients.add(client);
            }
            fx.fanout.publish(message(TestIds.guild(), TestIds.channel(), "filler"));

            fx.fanout.publish(GatewayEvent.of("channel_create", GatewayEvent.Scope.guild(guilds.getFirst()), "{}"));

            assertThat(clients).allSatisfy(cl ->
                    assertThat(cl.session().closeReason()).isEqualTo(CloseReason.SERVER_OVERLOADED));
            assertThat(fx.fanout.registry().connectionCount()).isZero();
        }
    }

    @Test
    void readiness_isOkWhileTicking_andDegradedBeforeStart() throws Exception {
        try (FanoutFixture idle = new FanoutFixture(GatewayLimits.defaults(), false)) {
            var result = new GatewayReadinessCheck(idle.fanout).check();
            assertThat(result.ok()).isFalse();
            assertThat(((ReadinessCheck.GatewayDetails) result.details()).heartbeatAgeMs()).isEqualTo(-1L);
        }
        try (FanoutFixture running = new FanoutFixture(
                GatewayLimits.defaults().withTickInterval(Duration.ofMillis(10)), true)) {
            running.connect(TestIds.user());
            awaitTicked(running);
            var result = new GatewayReadinessCheck(running.fanout).check();
            assertThat(result.ok()).isTrue();
            assertThat(result.details()).isEqualTo(new ReadinessCheck.GatewayDetails(1, 0,
                    ((ReadinessCheck.GatewayDetails) result.details()).heartbeatAgeMs()));
        }
    }

    private static void awaitDrained(FanoutFixture fx) {
        Eventually.until("the dispatch queue is drained", WAIT, () -> fx.fanout.dispatcher().queueDepth() == 0);
    }

    private static void awaitTicked(FanoutFixture fx) {
        Eventually.until("the dispatcher ticked", WAIT, () -> fx.fanout.dispatcher().ticks() > 0);
    }
}
