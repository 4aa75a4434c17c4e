package dev.filament.realtime;

import static dev.filament.realtime.FanoutFixture.assertConsecutive;
import static dev.filament.realtime.FanoutFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.gateway.port.out.GatewaySubscriptions.Subscription;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.realtime.FanoutFixture.Client;
import dev.filament.realtime.RecordingTransport.Frame;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Revocation of a single subscription (SPEC 9.10 revalidation) through the dispatch queue, and the guild snapshot. */
class SubscriptionDropTest {
    private final FanoutFixture fx = FanoutFixture.started();
    private final GuildId g = TestIds.guild();
    private final ChannelId c1 = TestIds.channel();
    private final ChannelId c2 = TestIds.channel();

    @AfterEach
    void close() {
        fx.close();
    }

    private static List<String> types(List<Frame> frames) {
        return frames.stream().map(Frame::type).toList();
    }

    @Test
    void eventsBeforeTheDropAreDelivered_eventsAfterItAreNot_andTheOtherChannelKeepsReceiving() throws Exception {
        Client reader = fx.connect(TestIds.user());
        Client watcher = fx.connect(TestIds.user());
        reader.subscribe(g, c1);
        reader.subscribe(g, c2);
        watcher.subscribe(g, c1);

        fx.fanout.publish(message(g, c1, "before"));
        fx.fanout.dropSubscription(reader.session().id(), g, c1, UnsubscribeReason.PERMISSION);
        fx.fanout.publish(message(g, c1, "after"));
        fx.fanout.publish(message(g, c2, "other-channel"));

        List<Frame> frames = reader.awaitMarker("other-channel");
        assertConsecutive(frames);
        assertThat(types(frames)).containsExactly("ready", "message_create", "unsubscribed", "message_create");
        assertThat(frames.get(1).payloadJson()).isEqualTo("{\"m\":\"before\"}");
        assertThat(frames.get(2).payloadJson()).isEqualTo("{\"guild_id\":\"" + g + "\",\"channel_id\":\"" + c1
                + "\",\"reason\":\"permission\"}");
        assertThat(watcher.awaitMarker("after")).extracting(Frame::type)
                .containsExactly("ready", "message_create", "message_create");
        assertThat(fx.fanout.registry().presenceSnapshot(g)).contains(reader.user());
    }

    @Test
    void droppingTheLastSubscriptionInTheGuild_publishesPresenceOfflineBehindTheUnsubscribed() throws Exception {
        Client leaving = fx.connect(TestIds.user());
        Client watcher = fx.connect(TestIds.user());
        leaving.subscribe(g, c1);
        watcher.subscribe(g, c2);

        fx.fanout.dropSubscription(leaving.session().id(), g, c1, UnsubscribeReason.PERMISSION);
        fx.fanout.publish(message(g, c2, "next"));

        List<Frame> watched = watcher.awaitMarker("next");
        assertThat(types(watched)).containsExactly("ready", "presence_update", "message_create");
        assertThat(watched.get(1).payloadJson()).isEqualTo("{\"guild_id\":\"" + g + "\",\"user_id\":\""
                + leaving.user() + "\",\"status\":\"offline\"}");
        assertThat(fx.fanout.registry().presenceSnapshot(g)).containsExactly(watcher.user());
        assertThat(fx.fanout.registry().subscriptionCount(leaving.session().id())).isZero();
    }

    @Test
    void aUserWithAnotherSubscribedConnection_staysOnlineWhenOneSubscriptionIsDropped() throws Exception {
        UserId user = TestIds.user();
        Client first = fx.connect(user);
        Client second = fx.connect(user);
        first.subscribe(g, c1);
        second.subscribe(g, c2);

        fx.fanout.dropSubscription(first.session().id(), g, c1, UnsubscribeReason.PERMISSION);
        fx.fanout.publish(message(g, c2, "next"));

        assertThat(types(second.awaitMarker("next"))).containsExactly("ready", "message_create");
        assertThat(fx.fanout.registry().presenceSnapshot(g)).containsExactly(user);
    }

    @Test
    void subscriptionsIn_visitsOnlyTheGuildsSubscriptions_andForgetsDroppedAndDisconnectedOnes() throws Exception {
        Client a = fx.connect(TestIds.user());
        Client b = fx.connect(TestIds.user());
        GuildId other = TestIds.guild();
        a.subscribe(g, c1);
        a.subscribe(other, c2);
        b.subscribe(g, c2);

        assertThat(fx.fanout.subscriptionsIn(g)).containsExactlyInAnyOrder(
                new Subscription(a.session().id(), a.user(), g, c1), new Subscription(b.session().id(), b.user(), g, c2));

        fx.fanout.dropSubscription(a.session().id(), g, c1, UnsubscribeReason.PERMISSION);
        fx.fanout.publish(message(g, c2, "sync"));
        b.awaitMarker("sync");
        fx.fanout.disconnect(b.session().id(), dev.filament.domain.gateway.CloseReason.CLIENT_CLOSE);

        assertThat(fx.fanout.subscriptionsIn(g)).isEmpty();
        assertThat(fx.fanout.subscriptionsIn(other)).containsExactly(new Subscription(a.session().id(), a.user(),
                other, c2));
    }
}
