package dev.filament.realtime;

import static dev.filament.realtime.FanoutFixture.assertConsecutive;
import static dev.filament.realtime.FanoutFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.realtime.FanoutFixture.Client;
import dev.filament.realtime.RecordingTransport.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connections come and go on several threads while events flow: no deadlock, no gap for those who stay. */
@Timeout(60)
class GatewayStormTest {
    private static final int CHURN_THREADS = 4;
    private static final int CHURN_PER_THREAD = 75;
    private static final int EVENTS = 3_000;

    private final GuildId g = TestIds.guild();
    private final ChannelId c = TestIds.channel();
    private final GuildId g2 = TestIds.guild();
    private final ChannelId c2 = TestIds.channel();

    @Test
    void connectDisconnectStorm_whilePublishing_completes_andStayingConnectionsSeeEveryEventWithoutGap()
            throws Exception {
        // a large outbound bound isolates this test from backpressure: it is about races, not slow clients
        try (FanoutFixture fx = new FanoutFixture(GatewayLimits.defaults().withOutboundMaxEvents(100_000), true)) {
            List<Client> staying = IntStream.range(0, 20).mapToObj(i -> fx.connect(TestIds.user())).toList();
            staying.forEach(s -> s.subscribe(g, c));
            List<UserId> churnUsers = IntStream.range(0, 30).mapToObj(i -> TestIds.user()).toList();
            List<Client> churned = new CopyOnWriteArrayList<>();
            CountDownLatch start = new CountDownLatch(1);

            try (ExecutorService pool = Executors.newFixedThreadPool(CHURN_THREADS + 1)) {
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < CHURN_THREADS; t++) {
                    int thread = t;
                    work.add(pool.submit(() -> churn(fx, thread, churnUsers, churned, start)));
                }
                work.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < EVENTS; i++) {
                        fx.fanout.publish(message(g, c, "e" + i));
                    }
                    return null;
                }));
                start.countDown();
                for (Future<?> f : work) {
                    f.get(45, TimeUnit.SECONDS);
                }
            }
            fx.fanout.publish(message(g, c, "end"));

            List<String> expected = IntStream.range(0, EVENTS).mapToObj(i -> "{\"m\":\"e" + i + "\"}").toList();
            for (Client s : staying) {
                List<Frame> frames = s.awaitMarker("end");
                assertConsecutive(frames);
                assertThat(frames.stream().filter(f -> f.type().equals("message_create")).map(Frame::payloadJson)
                        .limit(EVENTS).toList()).containsExactlyElementsOf(expected);
            }
            assertThat(churned).hasSize(CHURN_THREADS * CHURN_PER_THREAD).allSatisfy(cl -> {
                assertThat(cl.session().awaitClosed(FanoutFixture.WAIT)).isTrue();
                // a client that closed itself may not have been sent anything; whatever it got has no gap
                assertThat(cl.transport().frames()).extracting(Frame::sequence)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, cl.transport().frames().size()).boxed()
                                .toList());
            });
            assertThat(fx.fanout.registry().connectionCount()).isEqualTo(staying.size());
            assertThat(fx.fanout.registry().presenceSnapshot(g))
                    .containsExactlyElementsOf(staying.stream().map(Client::user).sorted().toList());
            assertThat(fx.fanout.registry().presenceSnapshot(g2)).isEmpty();
        }
    }

    private Void churn(FanoutFixture fx, int thread, List<UserId> users, List<Client> churned, CountDownLatch start)
            throws InterruptedException {
        start.await();
        for (int i = 0; i < CHURN_PER_THREAD; i++) {
            UserId user = users.get((thread * CHURN_PER_THREAD + i) % users.size());
            Client client = fx.connect(user);
            churned.add(client);
            client.subscribe(g, c);
            client.subscribe(g2, c2);
            if (i % 5 == 0) {
                fx.fanout.dropSubscriptions(user, g2, UnsubscribeReason.PERMISSION);
            }
            fx.fanout.disconnect(client.session().id(), CloseReason.CLIENT_CLOSE);
        }
        return null;
    }
}
