package dev.filament.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.gateway.port.out.GatewayConnections.SubscribeOutcome;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.realtime.FanoutFixture.Client;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * #12 item 2: a subscribe whose access check ran before a kick committed must not outlive the kick's drop. The
 * membership is an {@link AtomicBoolean} here: the subscribe reads the drop fence, checks it, then registers; the kick
 * clears it and hands off the drop, as {@code Removals} does after its commit.
 */
@Timeout(120)
class SubscribeVersusKickRaceTest {
    private final FanoutFixture fx = FanoutFixture.started();

    @AfterEach
    void close() {
        fx.close();
    }

    /** Waits until the dispatcher has run everything handed off before this call (a marker reaches the client). */
    private static void awaitDispatched(FanoutFixture fx, Client client, String marker) throws InterruptedException {
        fx.fanout.publish(dev.filament.application.shared.GatewayEvent.of("error",
                dev.filament.application.shared.GatewayEvent.Scope.connection(client.session().id()),
                "{\"m\":\"" + marker + "\"}"));
        client.awaitMarker(marker);
    }

    /** The losing interleaving, forced: check passes, the kick commits and its drop runs, then the registration. */
    @Test
    void aRegistrationAfterTheKicksDropRan_isFenced_andNothingIsSubscribed() throws Exception {
        GuildId g = TestIds.guild();
        ChannelId c = TestIds.channel();
        Client client = fx.connect(TestIds.user());
        AtomicBoolean member = new AtomicBoolean(true);

        long fence = fx.fanout.dropFence(client.user(), g);
        assertThat(member.get()).as("the access check passes").isTrue();
        member.set(false);
        fx.fanout.dropSubscriptions(client.user(), g, UnsubscribeReason.KICK);
        awaitDispatched(fx, client, "drop-ran");
        SubscribeOutcome late = fx.fanout.subscribe(client.session().id(), g, c, fence);

        assertThat(late.kind()).isEqualTo(SubscribeOutcome.Kind.FENCED);
        assertThat(fx.fanout.registry().isSubscribed(client.session().id(), g, c)).isFalse();
        assertThat(fx.fanout.registry().presenceSnapshot(g)).isEmpty();
        assertThat(fx.fanout.registry().subscriptionCount(client.session().id())).isZero();
    }

    /** A drop of another guild, or of another user, does not fence this pair. */
    @Test
    void dropsOfOtherPairs_doNotFenceThisOne() {
        GuildId g = TestIds.guild();
        Client client = fx.connect(TestIds.user());
        long fence = fx.fanout.dropFence(client.user(), g);
        fx.fanout.dropSubscriptions(TestIds.user(), g, UnsubscribeReason.KICK);
        fx.fanout.dropSubscriptions(client.user(), TestIds.guild(), UnsubscribeReason.BAN);
        // a stripe shared by chance would only cost one more check; these two pairs are fresh ids
        SubscribeOutcome outcome = fx.fanout.subscribe(client.session().id(), g, TestIds.channel(),
                fx.fanout.dropFence(client.user(), g));
        assertThat(outcome.kind()).isEqualTo(SubscribeOutcome.Kind.SUBSCRIBED);
        assertThat(fence).isEqualTo(fx.fanout.dropFence(client.user(), g));
    }

    /**
     * Both sides at once, many times: whatever the interleaving, once the kick's drop has run the connection holds no
     * subscription in the guild. Each side adds a random spin so that every ordering of check, kick, drop and
     * registration is explored.
     */
    @Test
    void subscribeRacingAKick_neverEndsSubscribed() throws Exception {
        int runs = 3000;
        int subscribedAfterDrop = 0;
        int fenced = 0;
        for (int run = 0; run < runs; run++) {
            GuildId g = TestIds.guild();
            ChannelId c = TestIds.channel();
            Client client = fx.connect(TestIds.user());
            AtomicBoolean member = new AtomicBoolean(true);
            CyclicBarrier start = new CyclicBarrier(2);
            AtomicReference<SubscribeOutcome> outcome = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(2);
            Thread subscriber = Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    long fence = fx.fanout.dropFence(client.user(), g);
                    if (member.get()) { // the access check
                        spin();
                        outcome.set(fx.fanout.subscribe(client.session().id(), g, c, fence));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            });
            Thread kicker = Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    spin();
                    member.set(false); // the kick's commit
                    fx.fanout.dropSubscriptions(client.user(), g, UnsubscribeReason.KICK);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            });
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            subscriber.join();
            kicker.join();
            awaitDispatched(fx, client, "after-" + run);
            if (fx.fanout.registry().isSubscribed(client.session().id(), g, c)) {
                subscribedAfterDrop++;
            }
            if (outcome.get() != null && outcome.get().kind() == SubscribeOutcome.Kind.FENCED) {
                fenced++;
            }
            fx.fanout.disconnect(client.session().id(), dev.filament.domain.gateway.CloseReason.CLIENT_CLOSE);
        }
        assertThat(subscribedAfterDrop).as("runs still subscribed after the kick's drop (fenced: %d)", fenced)
                .isZero();
    }

    private static void spin() {
        long until = System.nanoTime() + ThreadLocalRandom.current().nextLong(0, 200_000);
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
