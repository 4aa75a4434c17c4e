package dev.filament.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.gateway.port.out.GatewayConnections.SubscribeOutcome;
import dev.filament.application.gateway.port.out.NoopGatewayMetrics;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {
    private final SessionRegistry registry = new SessionRegistry(256);
    private final GuildId g = TestIds.guild();
    private final ChannelId c1 = TestIds.channel();
    private final ChannelId c2 = TestIds.channel();

    private ConnectionSession register(UserId user) {
        ConnectionSession s = new ConnectionSession(TestIds.connection(), user, TestIds.session(),
                new RecordingTransport(), GatewayLimits.defaults(), new NoopGatewayMetrics());
        registry.register(s);
        return s;
    }

    private static List<ConnectionSession> list(Iterable<ConnectionSession> it) {
        List<ConnectionSession> out = new ArrayList<>();
        it.forEach(out::add);
        return out;
    }

    @Test
    void firstSubscriptionOfAUserInAGuild_becomesOnline_furtherOnesDoNot() {
        UserId alice = TestIds.user();
        ConnectionSession a1 = register(alice);
        ConnectionSession a2 = register(alice);

        assertThat(registry.subscribe(a1.id(), g, c1)).isEqualTo(new SubscribeOutcome(SubscribeOutcome.Kind.SUBSCRIBED, true));
        assertThat(registry.subscribe(a1.id(), g, c2).becameOnline()).isFalse();
        assertThat(registry.subscribe(a2.id(), g, c1).becameOnline()).isFalse();
        assertThat(registry.subscribe(a1.id(), g, c1).kind()).isEqualTo(SubscribeOutcome.Kind.ALREADY_SUBSCRIBED);
        assertThat(registry.isOnline(g, alice)).isTrue();
    }

    @Test
    void presenceSnapshot_listsOnlineUsersSorted() {
        UserId later = UserId.of("01J99999999999999999999999");
        UserId earlier = UserId.of("01J00000000000000000000099");
        registry.subscribe(register(later).id(), g, c1);
        registry.subscribe(register(earlier).id(), g, c2);
        register(TestIds.user());

        assertThat(registry.presenceSnapshot(g)).containsExactly(earlier, later);
    }

    @Test
    void unregister_reportsOfflineOnlyWhereNoOtherConnectionOfTheUserIsSubscribed() {
        UserId bob = TestIds.user();
        GuildId other = TestIds.guild();
        ConnectionSession b1 = register(bob);
        ConnectionSession b2 = register(bob);
        registry.subscribe(b1.id(), g, c1);
        registry.subscribe(b1.id(), other, c2);
        registry.subscribe(b2.id(), g, c2);

        Departure first = registry.unregister(b1);

        assertThat(first).isEqualTo(new Departure(List.of(other), false));
        assertThat(registry.isOnline(g, bob)).isTrue();
        assertThat(registry.isSubscribed(b1.id(), g, c1)).isFalse();
        assertThat(registry.unregister(b2)).isEqualTo(new Departure(List.of(g), true));
        assertThat(registry.unregister(b2)).isEqualTo(Departure.NONE);
        assertThat(registry.subscribe(b2.id(), g, c1).kind()).isEqualTo(SubscribeOutcome.Kind.NOT_CONNECTED);
        assertThat(registry.connectionCount()).isZero();
    }

    @Test
    void dropSubscriptions_removesOnlyThatGuildsChannels_andReportsOfflineForTheLastConnection() {
        GuildId other = TestIds.guild();
        ConnectionSession s = register(TestIds.user());
        registry.subscribe(s.id(), g, c2);
        registry.subscribe(s.id(), g, c1);
        registry.subscribe(s.id(), other, c1);

        GuildDrop drop = registry.dropSubscriptions(s, g);

        assertThat(drop.channels()).containsExactly(c1.compareTo(c2) < 0 ? c1 : c2, c1.compareTo(c2) < 0 ? c2 : c1);
        assertThat(drop.wentOffline()).isTrue();
        assertThat(registry.subscriptionCount(s.id())).isEqualTo(1);
        assertThat(list(registry.targets(GatewayEvent.Scope.guild(g)))).isEmpty();
        assertThat(list(registry.targets(GatewayEvent.Scope.guild(other)))).containsExactly(s);
    }

    @Test
    void subscriptionCap_isEnforcedPerConnection() {
        SessionRegistry small = new SessionRegistry(2);
        ConnectionSession s = new ConnectionSession(TestIds.connection(), TestIds.user(), TestIds.session(),
                new RecordingTransport(), GatewayLimits.defaults(), new NoopGatewayMetrics());
        small.register(s);
        small.subscribe(s.id(), g, c1);
        small.subscribe(s.id(), g, c2);

        assertThat(small.subscribe(s.id(), g, TestIds.channel()).kind())
                .isEqualTo(SubscribeOutcome.Kind.QUOTA_EXCEEDED);
        assertThat(small.subscribe(s.id(), g, c1).kind()).isEqualTo(SubscribeOutcome.Kind.ALREADY_SUBSCRIBED);
        assertThat(small.subscriptionCount(s.id())).isEqualTo(2);
    }

    @Test
    void guildTargets_includeEachConnectionOnce_andHonourTheAudience() {
        UserId admin = TestIds.user();
        ConnectionSession adminConn = register(admin);
        ConnectionSession member = register(TestIds.user());
        registry.subscribe(adminConn.id(), g, c1);
        registry.subscribe(adminConn.id(), g, c2);
        registry.subscribe(member.id(), g, c1);

        assertThat(list(registry.targets(GatewayEvent.Scope.guild(g)))).containsExactlyInAnyOrder(adminConn, member);
        assertThat(list(registry.targets(GatewayEvent.Scope.guildAudience(g, Set.of(admin)))))
                .containsExactly(adminConn);
        assertThat(list(registry.targets(GatewayEvent.Scope.channel(g, c2)))).containsExactly(adminConn);
    }

    @Test
    void concurrentSubscribesAndDepartures_ofOneUser_leavePresenceExactlyMatchingTheSurvivors() throws Exception {
        UserId carol = TestIds.user();
        int threads = 4;
        int perThread = 300;
        List<ConnectionSession> survivors = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        ConnectionSession s = register(carol);
                        registry.subscribe(s.id(), g, i % 2 == 0 ? c1 : c2);
                        if (thread == 0 && i == perThread - 1) {
                            survivors.add(s);
                        } else {
                            registry.unregister(s);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        }

        assertThat(registry.presenceSnapshot(g)).containsExactly(carol);
        registry.unregister(survivors.getFirst());
        assertThat(registry.presenceSnapshot(g)).isEmpty();
        assertThat(list(registry.targets(GatewayEvent.Scope.user(carol)))).isEmpty();
    }
}
