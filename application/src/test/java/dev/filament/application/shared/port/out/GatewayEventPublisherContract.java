package dev.filament.application.shared.port.out;

import dev.filament.application.shared.GatewayEvent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link GatewayEventPublisher} as seen by a subscriber: ordering per publishing thread, scope and
 * audience, and subscription drops ordered behind earlier events. Run by the recording fake and the real fanout.
 */
public abstract class GatewayEventPublisherContract {
    protected static final Duration WAIT = Duration.ofSeconds(10);
    private static int sequence;

    private Harness harness;

    /** A fresh publisher with nobody subscribed. */
    protected abstract Harness newHarness();

    /** The publisher plus a way to watch what one subscriber would receive. */
    protected interface Harness extends AutoCloseable {
        GatewayEventPublisher publisher();

        /**
         * A subscriber of {@code user} subscribed to {@code (guild, channel)}: it observes that channel's events, the
         * guild's events its audience admits, and the user's events. Gateway bookkeeping events
         * ({@code ready}, {@code unsubscribed}, {@code presence_update}) are not observed.
         */
        Observer subscribe(UserId user, GuildId guild, ChannelId channel);

        @Override
        void close();
    }

    /** What one subscriber received, as (type, payload) in arrival order. */
    protected interface Observer {
        /** Waits up to {@code timeout} until an observed event matches, then returns all observed so far. */
        List<Observed> awaitUntil(Predicate<Observed> last, Duration timeout);
    }

    public record Observed(String type, String payloadJson) {
    }

    @BeforeEach
    void openHarness() {
        harness = newHarness();
    }

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    protected static synchronized String ulid() {
        sequence++;
        return String.format("01J%023d", sequence);
    }

    private static GatewayEvent event(GatewayEvent.Scope scope, String type, String marker) {
        return GatewayEvent.of(type, scope, "{\"m\":\"" + marker + "\"}");
    }

    private static Predicate<Observed> marker(String marker) {
        return o -> o.payloadJson().equals("{\"m\":\"" + marker + "\"}");
    }

    private static List<String> markers(List<Observed> observed) {
        return observed.stream().map(o -> o.payloadJson().substring(6, o.payloadJson().length() - 2)).toList();
    }

    @Test
    void eventsOfOneThread_reachASubscriber_inPublishOrder() {
        GuildId g = GuildId.of(ulid());
        ChannelId c = ChannelId.of(ulid());
        Observer alice = harness.subscribe(UserId.of(ulid()), g, c);

        for (int i = 0; i < 50; i++) {
            harness.publisher().publish(event(GatewayEvent.Scope.channel(g, c), "message_create", "e" + i));
        }

        List<Observed> seen = alice.awaitUntil(marker("e49"), WAIT);
        assertThat(markers(seen)).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 50).mapToObj(i -> "e" + i).toList());
    }

    @Test
    void eventsOfOtherChannelsAndGuilds_areNotObserved() {
        GuildId g = GuildId.of(ulid());
        ChannelId c = ChannelId.of(ulid());
        Observer alice = harness.subscribe(UserId.of(ulid()), g, c);

        harness.publisher().publish(event(GatewayEvent.Scope.channel(g, ChannelId.of(ulid())), "message_create", "x1"));
        harness.publisher().publish(event(GatewayEvent.Scope.guild(GuildId.of(ulid())), "channel_create", "x2"));
        harness.publisher().publish(event(GatewayEvent.Scope.guild(g), "channel_create", "mine"));

        assertThat(markers(alice.awaitUntil(marker("mine"), WAIT))).containsExactly("mine");
    }

    @Test
    void guildEventWithAudience_reachesOnlyTheAudience() {
        GuildId g = GuildId.of(ulid());
        ChannelId c = ChannelId.of(ulid());
        UserId admin = UserId.of(ulid());
        Observer adminView = harness.subscribe(admin, g, c);
        Observer memberView = harness.subscribe(UserId.of(ulid()), g, c);

        harness.publisher().publish(event(GatewayEvent.Scope.guildAudience(g, Set.of(admin)),
                "workspace_ip_ban_sync", "audience"));
        harness.publisher().publish(event(GatewayEvent.Scope.guild(g), "channel_create", "everyone"));

        assertThat(markers(adminView.awaitUntil(marker("everyone"), WAIT))).containsExactly("audience", "everyone");
        assertThat(markers(memberView.awaitUntil(marker("everyone"), WAIT))).containsExactly("everyone");
    }

    @Test
    void droppedSubscriptions_missEventsPublishedAfterTheDrop_othersStillReceiveThem() {
        GuildId g = GuildId.of(ulid());
        ChannelId c = ChannelId.of(ulid());
        UserId kicked = UserId.of(ulid());
        Observer kickedView = harness.subscribe(kicked, g, c);
        Observer stayingView = harness.subscribe(UserId.of(ulid()), g, c);
        GatewayEvent.Scope channel = GatewayEvent.Scope.channel(g, c);

        harness.publisher().publish(event(channel, "message_create", "before"));
        harness.publisher().dropSubscriptions(kicked, g, UnsubscribeReason.KICK);
        harness.publisher().publish(event(channel, "message_create", "after"));
        harness.publisher().publish(event(GatewayEvent.Scope.user(kicked), "friend_remove", "direct"));

        assertThat(markers(kickedView.awaitUntil(marker("direct"), WAIT))).containsExactly("before", "direct");
        assertThat(markers(stayingView.awaitUntil(marker("after"), WAIT))).containsExactly("before", "after");
    }

    @Test
    void eventsOfSeveralThreads_keepEachThreadsOrder() throws Exception {
        GuildId g = GuildId.of(ulid());
        ChannelId c = ChannelId.of(ulid());
        Observer alice = harness.subscribe(UserId.of(ulid()), g, c);
        int threads = 4;
        int perThread = 100;
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        harness.publisher().publish(
                                event(GatewayEvent.Scope.channel(g, c), "message_create", thread + "-" + i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }
        harness.publisher().publish(event(GatewayEvent.Scope.channel(g, c), "message_create", "end"));

        List<String> seen = markers(alice.awaitUntil(marker("end"), WAIT));
        assertThat(seen).hasSize(threads * perThread + 1);
        for (int t = 0; t < threads; t++) {
            String prefix = t + "-";
            assertThat(seen.stream().filter(m -> m.startsWith(prefix)).toList())
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, perThread)
                            .mapToObj(i -> prefix + i).toList());
        }
    }
}
