package dev.filament.realtime;

import static dev.filament.realtime.FanoutFixture.WAIT;
import static dev.filament.realtime.FanoutFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.gateway.port.out.RecordingGatewayMetrics;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.application.gateway.port.out.GatewaySubscriptions.Subscription;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.GuildId;
import dev.filament.realtime.FanoutFixture.Client;
import dev.filament.realtime.RecordingTransport.Frame;
import dev.filament.application.shared.testing.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC 9.11 in the realtime core: detach, the five outcomes in order, replay, and what a detached session still gets. */
class GatewayResumeTest {
    private final GuildId g = TestIds.guild();
    private final ChannelId c = TestIds.channel();
    private FanoutFixture fx = new FanoutFixture(GatewayLimits.defaults(), ResumeLimits.defaults(), true);

    @AfterEach
    void close() {
        fx.close();
    }

    private Client subscribed() throws InterruptedException {
        Client client = fx.connect(TestIds.user());
        client.subscribe(g, c);
        fx.fanout.publish(message(g, c, "before"));
        client.awaitMarker("before");
        return client;
    }

    /** The frames up to the first of {@code type}, included, without the presence updates of the user's own detach. */
    private static List<Frame> upTo(Client client, String type) throws InterruptedException {
        List<Frame> frames = client.transport().awaitFrame(f -> f.type().equals(type), WAIT);
        int end = 0;
        while (!frames.get(end).type().equals(type)) {
            end++;
        }
        for (int i = 1; i <= end; i++) {
            assertThat(frames.get(i).sequence()).as("consecutive s").isEqualTo(frames.get(i - 1).sequence() + 1);
        }
        return frames.subList(0, end + 1).stream().filter(f -> !f.type().equals("presence_update")).toList();
    }

    @Test
    void aResumableClose_detaches_andAResumeReplaysExactlyTheMissedFramesThenResumedThenLiveFrames()
            throws Exception {
        Client client = subscribed();
        long seen = client.lastSequence();
        String key = client.resumeKey();
        fx.fanout.disconnect(client.session().id(), CloseReason.CONNECTION_LOST);
        assertThat(fx.fanout.registry().isOnline(g, client.user())).as("a detached session is not online").isFalse();
        assertThat(fx.lastConnectionClosed).containsExactly(client.user());
        for (int i = 0; i < 5; i++) {
            fx.fanout.publish(message(g, c, "away" + i));
        }

        Client back = fx.resume(client.user(), client.session().session(), key, seen);
        List<Frame> frames = upTo(back, "resumed");
        assertThat(frames).extracting(Frame::payloadJson).containsExactly("{\"m\":\"away0\"}", "{\"m\":\"away1\"}",
                "{\"m\":\"away2\"}", "{\"m\":\"away3\"}", "{\"m\":\"away4\"}", frames.getLast().payloadJson());
        // the replay includes the user's own presence_update offline, published when the session detached
        assertThat(back.transport().frames().getFirst().sequence()).isEqualTo(seen + 1);
        assertThat(frames.getLast().payloadJson()).contains("\"replayed\":6");
        assertThat(back.resumeKey()).isNotEqualTo(key);

        fx.fanout.publish(message(g, c, "live"));
        List<Frame> all = back.awaitMarker("live");
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).sequence()).isEqualTo(seen + 1 + i);
        }
        assertThat(fx.fanout.registry().isOnline(g, client.user())).isTrue();
        assertThat(fx.fanout.registry().detachedCount()).isZero();
        assertThat(fx.metrics.counter(RecordingGatewayMetrics.RESUMES, Map.of("outcome", "resumed"))).isEqualTo(1);

        // the old key died with the takeover
        Client again = fx.resume(client.user(), client.session().session(), key, seen);
        assertThat(again.transport().awaitFrame(f -> f.type().equals("ready"), WAIT).getFirst().payloadJson())
                .isEqualTo("{\"reason\":\"unknown\"}");
    }

    @Test
    void anotherUsersKey_isAMismatch_andLeavesTheSessionToItsOwner() throws Exception {
        Client client = subscribed();
        String key = client.resumeKey();
        fx.fanout.disconnect(client.session().id(), CloseReason.HEARTBEAT_TIMEOUT);

        Client thief = fx.resume(TestIds.user(), client.session().session(), key, 1);
        List<Frame> frames = thief.transport().awaitFrame(f -> f.type().equals("ready"), WAIT);
        assertThat(frames).extracting(Frame::type).containsExactly("invalid_session", "ready");
        assertThat(frames).extracting(Frame::sequence).containsExactly(1L, 2L);
        assertThat(frames.getFirst().payloadJson()).isEqualTo("{\"reason\":\"mismatch\"}");
        Client otherSid = fx.resume(client.user(), TestIds.session(), key, 1);
        assertThat(otherSid.transport().awaitFrame(f -> f.type().equals("ready"), WAIT).getFirst().payloadJson())
                .isEqualTo("{\"reason\":\"mismatch\"}");

        Client owner = fx.resume(client.user(), client.session().session(), key, client.lastSequence());
        assertThat(upTo(owner, "resumed")).extracting(Frame::type).containsExactly("resumed");
    }

    @Test
    void aSequenceAboveTheLast_isOutOfRange_andDiscardsTheSession() throws Exception {
        Client client = subscribed();
        String key = client.resumeKey();
        fx.fanout.disconnect(client.session().id(), CloseReason.CONNECTION_LOST);

        Client back = fx.resume(client.user(), client.session().session(), key, client.lastSequence() + 100);
        assertThat(back.transport().awaitFrame(f -> f.type().equals("ready"), WAIT).getFirst().payloadJson())
                .isEqualTo("{\"reason\":\"out_of_range\"}");
        Eventually.until("discarded", WAIT, () -> fx.fanout.registry().detachedCount() == 0);
        assertThat(fx.fanout.registry().subscriptionsIn(g)).isEmpty();
    }

    @Test
    void framesEvictedWhileAttached_makeAnOldSequenceAGap() throws Exception {
        fx.close();
        fx = new FanoutFixture(GatewayLimits.defaults(), ResumeLimits.defaults().withReplay(8, 1 << 20), true);
        Client client = subscribed();
        for (int i = 0; i < 20; i++) {
            fx.fanout.publish(message(g, c, "m" + i));
        }
        client.awaitMarker("m19");
        String key = client.resumeKey();
        fx.fanout.disconnect(client.session().id(), CloseReason.CONNECTION_LOST);

        Client back = fx.resume(client.user(), client.session().session(), key, 3);
        List<Frame> frames = back.transport().awaitFrame(f -> f.type().equals("ready"), WAIT);
        assertThat(frames.getFirst().payloadJson()).isEqualTo("{\"reason\":\"gap\"}");
        assertThat(fx.metrics.counter(RecordingGatewayMetrics.RESUMES, Map.of("outcome", "gap"))).isEqualTo(1);
        assertThat(fx.fanout.registry().subscriptionCount(back.session().id())).isZero();
    }

    @Test
    void aDetachedBufferOverflow_discardsTheSession_soTheResumeIsToldToResync() throws Exception {
        fx.close();
        fx = new FanoutFixture(GatewayLimits.defaults(), ResumeLimits.defaults().withReplay(8, 1 << 20), true);
        Client client = subscribed();
        long seen = client.lastSequence();
        String key = client.resumeKey();
        fx.fanout.disconnect(client.session().id(), CloseReason.CONNECTION_LOST);
        for (int i = 0; i < 9; i++) {
            fx.fanout.publish(message(g, c, "away" + i));
        }

        Client back = fx.resume(client.user(), client.session().session(), key, seen);
        List<Frame> frames = back.transport().awaitFrame(f -> f.type().equals("ready"), WAIT);
        assertThat(frames).extracting(Frame::type).containsExactly("invalid_session", "ready");
        assertThat(frames.getFirst().payloadJson()).isEqualTo("{\"reason\":\"unknown\"}");
    }

    @Test
    void aUserKickedWhileAway_isToldOnResume_andGetsNoneOfThatGuildsEvents() throws Exception {
        Client client = subscribed();
        long seen = client.lastSequence();
        String key = client.resumeKey();
        fx.fanout.disconnect(client.session().id(), CloseReason.CONNECTION_LOST);
        fx.fanout.publish(message(g, c, "beforeKick"));
        fx.fanout.dropSubscriptions(client.user(), g, UnsubscribeReason.KICK);
        fx.fanout.publish(message(g, c, "afterKick"));

        Client back = fx.resume(client.user(), client.session().session(), key, seen);
        List<Frame> frames = upTo(back, "resumed");
        assertThat(frames).extracting(Frame::type).containsExactly("message_create", "unsubscribed", "resumed");
        assertThat(frames.get(1).payloadJson()).contains("\"reason\":\"kick\"");
        fx.fanout.publish(message(g, c, "later"));
        fx.fanout.publish(FanoutFixture.message(TestIds.guild(), TestIds.channel(), "elsewhere"));
        Eventually.until("dispatched", WAIT, () -> fx.fanout.dispatcher().queueDepth() == 0);
        assertThat(fx.fanout.registry().subscriptionCount(back.session().id())).isZero();
        assertThat(back.transport().frames()).extracting(Frame::payloadJson).doesNotContain("{\"m\":\"later\"}",
                "{\"m\":\"afterKick\"}");
        assertThat(fx.fanout.registry().isOnline(g, client.user())).isFalse();
    }

    @Test
    void aRevokedSession_discardsItsDetachedSessions() throws Exception {
        Client client = subscribed();
        String key = client.resumeKey();
        fx.fanout.disconnect(client.session().id(), CloseReason.TOKEN_EXPIRED);
        assertThat(fx.fanout.registry().detachedCount()).isEqualTo(1);
        fx.fanout.closeSession(client.session().session(), CloseReason.SESSION_REVOKED);
        Eventually.until("discarded", WAIT, () -> fx.fanout.registry().detachedCount() == 0);

        Client back = fx.resume(client.user(), client.session().session(), key, client.lastSequence());
        assertThat(back.transport().awaitFrame(f -> f.type().equals("ready"), WAIT).getFirst().payloadJson())
                .isEqualTo("{\"reason\":\"unknown\"}");
    }

    @Test
    void nonResumableCloses_endTheSession() throws Exception {
        for (CloseReason reason : List.of(CloseReason.CLIENT_CLOSE, CloseReason.SLOW_CONSUMER,
                CloseReason.SESSION_REVOKED, CloseReason.INVALID_PAYLOAD)) {
            Client client = subscribed();
            String key = client.resumeKey();
            fx.fanout.disconnect(client.session().id(), reason);
            Client back = fx.resume(client.user(), client.session().session(), key, client.lastSequence());
            assertThat(back.transport().awaitFrame(f -> f.type().equals("ready"), WAIT).getFirst().payloadJson())
                    .as("%s", reason).isEqualTo("{\"reason\":\"unknown\"}");
        }
        assertThat(fx.fanout.registry().detachedCount()).isZero();
    }

    @Test
    void aResumeOfAStillOpenConnection_detachesItWithoutACloseFrame_andTakesOver() throws Exception {
        Client client = subscribed();
        Client back = fx.resume(client.user(), client.session().session(), client.resumeKey(),
                client.lastSequence());

        assertThat(upTo(back, "resumed")).extracting(Frame::type).containsExactly("resumed");
        assertThat(client.transport().awaitAborted(WAIT)).isTrue();
        assertThat(client.transport().closes()).isEmpty();
        fx.fanout.publish(message(g, c, "live"));
        back.awaitMarker("live");
        assertThat(fx.fanout.registry().connectionCount()).isEqualTo(1);
    }

    @Test
    void detachedSessions_expireAfterTheirTime_andTheOldestGoesBeyondTheCap() throws Exception {
        fx.close();
        fx = new FanoutFixture(GatewayLimits.defaults().withTickInterval(Duration.ofMillis(10)),
                ResumeLimits.defaults().withMaxDetached(2).withDetachedTtl(Duration.ofMillis(300)), true);
        List<Client> clients = List.of(subscribed(), subscribed(), subscribed());
        clients.forEach(cl -> fx.fanout.disconnect(cl.session().id(), CloseReason.CONNECTION_LOST));
        assertThat(fx.fanout.registry().detachedCount()).isEqualTo(2);
        Client first = clients.getFirst();
        Client back = fx.resume(first.user(), first.session().session(), first.resumeKey(), first.lastSequence());
        assertThat(back.transport().awaitFrame(f -> f.type().equals("ready"), WAIT).getFirst().payloadJson())
                .isEqualTo("{\"reason\":\"unknown\"}");

        Eventually.until("expired", WAIT, () -> fx.fanout.registry().detachedCount() == 0);
        assertThat(fx.fanout.registry().subscriptionsIn(g)).isEmpty();
    }

    @Test
    void revalidationDrops_reachADetachedSession_andTheConnectionThatResumedIt() throws Exception {
        Client client = subscribed();
        ChannelId c2 = TestIds.channel();
        client.subscribe(g, c2);
        ConnectionId oldId = client.session().id();
        long seen = client.lastSequence();
        fx.fanout.disconnect(oldId, CloseReason.CONNECTION_LOST);
        assertThat(fx.fanout.subscriptionsIn(g)).extracting(Subscription::connection).containsOnly(oldId);

        fx.fanout.dropSubscription(oldId, g, c, UnsubscribeReason.PERMISSION);
        Client back = fx.resume(client.user(), client.session().session(), client.resumeKey(), seen);
        assertThat(upTo(back, "resumed")).extracting(Frame::type).containsExactly("unsubscribed", "resumed");
        // a drop computed for the old connection before the takeover still applies, to its successor
        fx.fanout.dropSubscription(oldId, g, c2, UnsubscribeReason.PERMISSION);
        List<Frame> frames = back.transport().awaitFrame(f -> f.type().equals("unsubscribed")
                && f.payloadJson().contains(c2.value()), WAIT);
        assertThat(frames.getLast().payloadJson()).contains("\"reason\":\"permission\"");
        assertThat(fx.fanout.registry().subscriptionCount(back.session().id())).isZero();
    }
}
