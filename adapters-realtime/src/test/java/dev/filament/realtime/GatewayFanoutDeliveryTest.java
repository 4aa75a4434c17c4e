package dev.filament.realtime;

import static dev.filament.realtime.FanoutFixture.WAIT;
import static dev.filament.realtime.FanoutFixture.assertConsecutive;
import static dev.filament.realtime.FanoutFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.testing.Eventually;
import dev.filament.application.gateway.port.out.GatewayConnections.SubscribeOutcome;
import dev.filament.application.gateway.port.out.RecordingGatewayMetrics;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.realtime.FanoutFixture.Client;
import dev.filament.realtime.RecordingTransport.Frame;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class GatewayFanoutDeliveryTest {
    private final FanoutFixture fx = FanoutFixture.started();
    private final GuildId g = TestIds.guild();
    private final ChannelId c = TestIds.channel();

    @AfterEach
    void close() {
        fx.close();
    }

    private static List<String> types(List<Frame> frames) {
        return frames.stream().map(Frame::type).toList();
    }

    private static List<String> payloads(List<Frame> frames, String type) {
        return frames.stream().filter(f -> f.type().equals(type)).map(Frame::payloadJson).toList();
    }

    @Test
    void everySubscriber_getsEveryEvent_inPublishOrder_withConsecutiveSequence() throws Exception {
        List<Client> clients = IntStream.range(0, 5).mapToObj(i -> fx.connect(TestIds.user())).toList();
        clients.forEach(cl -> assertThat(cl.subscribe(g, c).kind()).isEqualTo(SubscribeOutcome.Kind.SUBSCRIBED));

        for (int i = 0; i < 200; i++) {
            fx.fanout.publish(message(g, c, "e" + i));
        }

        List<String> expected = IntStream.range(0, 200).mapToObj(i -> "{\"m\":\"e" + i + "\"}").toList();
        for (Client client : clients) {
            List<Frame> frames = client.awaitMarker("e199");
            assertConsecutive(frames);
            assertThat(payloads(frames, "message_create")).containsExactlyElementsOf(expected);
            assertThat(frames.getFirst().payloadJson()).startsWith("{\"user_id\":\"" + client.user() + "\",\"resume_key\":");
        }
        // the dispatcher counts an event after offering it to every target, so the count can trail the last frame
        Eventually.until("200 events were counted", WAIT, () -> fx.metrics.counter(RecordingGatewayMetrics.EMITTED,
                Map.of("scope", "channel", "event_type", "message_create")) >= 200);
        assertThat(fx.metrics.counter(RecordingGatewayMetrics.EMITTED,
                Map.of("scope", "channel", "event_type", "message_create"))).isEqualTo(200);
    }

    @Test
    void guildEvent_reachesEachConnectionOnce_evenWithSeveralChannelsInTheGuild() throws Exception {
        Client alice = fx.connect(TestIds.user());
        alice.subscribe(g, c);
        alice.subscribe(g, TestIds.channel());
        Client outsider = fx.connect(TestIds.user());
        outsider.subscribe(TestIds.guild(), TestIds.channel());

        fx.fanout.publish(GatewayEvent.of("channel_create", GatewayEvent.Scope.guild(g), "{\"m\":\"g1\"}"));
        fx.fanout.publish(GatewayEvent.of("friend_remove", GatewayEvent.Scope.user(outsider.user()), "{\"m\":\"u\"}"));
        fx.fanout.publish(GatewayEvent.of("error", GatewayEvent.Scope.connection(alice.session().id()),
                "{\"m\":\"end\"}"));

        assertThat(types(alice.awaitMarker("end"))).containsExactly("ready", "channel_create", "error");
        assertThat(types(outsider.awaitMarker("u"))).containsExactly("ready", "friend_remove");
    }

    @Test
    void disconnect_publishesPresenceOffline_toRemainingSubscribers_betweenEarlierAndLaterEvents() throws Exception {
        Client leaving = fx.connect(TestIds.user());
        Client staying = fx.connect(TestIds.user());
        assertThat(leaving.subscribe(g, c).becameOnline()).isTrue();
        assertThat(staying.subscribe(g, c).becameOnline()).isTrue();

        fx.fanout.publish(message(g, c, "before"));
        fx.fanout.disconnect(leaving.session().id(), CloseReason.CLIENT_CLOSE);
        fx.fanout.publish(message(g, c, "after"));

        List<Frame> frames = staying.awaitMarker("after");
        assertConsecutive(frames);
        assertThat(types(frames)).containsExactly("ready", "message_create", "presence_update", "message_create");
        assertThat(frames.get(2).payloadJson()).isEqualTo("{\"guild_id\":\"" + g + "\",\"user_id\":\""
                + leaving.user() + "\",\"status\":\"offline\"}");
        assertThat(leaving.transport().awaitClose(WAIT)).isEqualTo("1000 client_close");
        assertThat(fx.fanout.registry().presenceSnapshot(g)).containsExactly(staying.user());
        assertThat(fx.lastConnectionClosed).containsExactly(leaving.user());
    }

    @Test
    void userWithAnotherSubscribedConnection_staysOnline_untilTheLastOneCloses() throws Exception {
        UserId bob = TestIds.user();
        Client first = fx.connect(bob);
        Client second = fx.connect(bob);
        Client watcher = fx.connect(TestIds.user());
        first.subscribe(g, c);
        assertThat(second.subscribe(g, c).becameOnline()).isFalse();
        watcher.subscribe(g, c);

        fx.fanout.disconnect(first.session().id(), CloseReason.CLIENT_CLOSE);
        fx.fanout.publish(message(g, c, "m1"));
        assertThat(types(watcher.awaitMarker("m1"))).containsExactly("ready", "message_create");
        assertThat(fx.lastConnectionClosed).isEmpty();

        fx.fanout.disconnect(second.session().id(), CloseReason.CLIENT_CLOSE);
        fx.fanout.publish(message(g, c, "m2"));
        assertThat(types(watcher.awaitMarker("m2")))
                .containsExactly("ready", "message_create", "presence_update", "message_create");
        assertThat(fx.lastConnectionClosed).containsExactly(bob);
    }

    @Test
    void dropSubscriptions_sendsUnsubscribed_andLaterEventsSkipTheDroppedSubscriptions() throws Exception {
        ChannelId c2 = TestIds.channel();
        GuildId otherGuild = TestIds.guild();
        ChannelId otherChannel = TestIds.channel();
        Client kicked = fx.connect(TestIds.user());
        Client staying = fx.connect(TestIds.user());
        kicked.subscribe(g, c);
        kicked.subscribe(g, c2);
        kicked.subscribe(otherGuild, otherChannel);
        staying.subscribe(g, c);

        fx.fanout.publish(message(g, c, "before"));
        fx.fanout.dropSubscriptions(kicked.user(), g, UnsubscribeReason.KICK);
        fx.fanout.publish(message(g, c, "after"));
        fx.fanout.publish(message(otherGuild, otherChannel, "elsewhere"));

        List<Frame> kickedFrames = kicked.awaitMarker("elsewhere");
        assertConsecutive(kickedFrames);
        assertThat(types(kickedFrames))
                .containsExactly("ready", "message_create", "unsubscribed", "unsubscribed", "message_create");
        assertThat(payloads(kickedFrames, "unsubscribed")).containsExactlyInAnyOrder(
                "{\"guild_id\":\"" + g + "\",\"channel_id\":\"" + c + "\",\"reason\":\"kick\"}",
                "{\"guild_id\":\"" + g + "\",\"channel_id\":\"" + c2 + "\",\"reason\":\"kick\"}");
        List<Frame> stayingFrames = staying.awaitMarker("after");
        assertThat(types(stayingFrames)).containsExactly("ready", "message_create", "presence_update", "message_create");
        assertThat(fx.fanout.registry().subscriptionCount(kicked.session().id())).isEqualTo(1);
        assertThat(fx.fanout.registry().presenceSnapshot(g)).containsExactly(staying.user());
        assertThat(kicked.session().state()).isEqualTo(ConnectionSession.State.OPEN);
    }

    @Test
    void closeSession_closesItsConnectionsAfterEarlierEvents_andLeavesOtherSessionsOpen() throws Exception {
        UserId user = TestIds.user();
        SessionId revoked = TestIds.session();
        Client a = fx.connect(user, revoked);
        Client b = fx.connect(user, revoked);
        Client other = fx.connect(user);
        for (Client cl : List.of(a, b, other)) {
            cl.subscribe(g, c);
        }

        fx.fanout.publish(message(g, c, "last"));
        fx.fanout.closeSession(revoked, CloseReason.SESSION_REVOKED);
        fx.fanout.publish(message(g, c, "later"));

        for (Client cl : List.of(a, b)) {
            assertThat(cl.transport().awaitClose(WAIT)).isEqualTo("4401 session_revoked");
            assertThat(payloads(cl.transport().frames(), "message_create")).containsExactly("{\"m\":\"last\"}");
        }
        assertThat(payloads(other.awaitMarker("later"), "message_create")).hasSize(2);
        assertThat(other.session().state()).isEqualTo(ConnectionSession.State.OPEN);
    }

    @Test
    void closingTwice_sendsOneCloseFrame_withTheFirstReason() throws Exception {
        Client client = fx.connect(TestIds.user());

        fx.fanout.disconnect(client.session().id(), CloseReason.TOKEN_EXPIRED);
        client.session().awaitClosed(WAIT);
        fx.fanout.disconnect(client.session().id(), CloseReason.CLIENT_CLOSE);

        assertThat(client.transport().closes()).containsExactly("4401 token_expired");
        assertThat(client.session().closeReason()).isEqualTo(CloseReason.TOKEN_EXPIRED);
        assertThat(fx.metrics.counter(RecordingGatewayMetrics.DISCONNECTS, Map.of("reason", "token_expired")))
                .isEqualTo(1);
        assertThat(fx.metrics.counterSum(RecordingGatewayMetrics.DISCONNECTS, Map.of())).isEqualTo(1);
    }

    @Test
    void subscriptionCap_rejectsThe257thChannel_andKeepsIdempotentRepeats() {
        Client client = fx.connect(TestIds.user());
        for (int i = 0; i < 256; i++) {
            assertThat(client.subscribe(g, TestIds.channel()).kind()).isEqualTo(SubscribeOutcome.Kind.SUBSCRIBED);
        }
        ChannelId first = TestIds.channel();

        assertThat(client.subscribe(g, first).kind()).isEqualTo(SubscribeOutcome.Kind.QUOTA_EXCEEDED);
        assertThat(fx.fanout.registry().isSubscribed(client.session().id(), g, first)).isFalse();
        assertThat(fx.fanout.registry().subscriptionCount(client.session().id())).isEqualTo(256);
    }

    @Test
    void idleDispatcher_keepsTicking() throws Exception {
        try (FanoutFixture fast = new FanoutFixture(
                GatewayLimits.defaults().withTickInterval(java.time.Duration.ofMillis(5)), true)) {
            long start = fast.fanout.dispatcher().ticks();
            Eventually.until("five more ticks", WAIT, () -> fast.fanout.dispatcher().ticks() >= start + 5);
            assertThat(fast.fanout.dispatcher().lastTickAgeMillis()).isLessThan(5_000);
        }
    }
}
