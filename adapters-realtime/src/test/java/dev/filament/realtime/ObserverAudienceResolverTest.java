package dev.filament.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.gateway.port.out.RecordingGatewayMetrics;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.domain.id.UserId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** SPEC 9.5 observers(U): resolved at delivery by one FIFO worker; a full queue drops and counts the event. */
class ObserverAudienceResolverTest {

    private static GatewayEvent profile(UserId subject, String marker) {
        return GatewayEvent.of("profile_update", GatewayEvent.Scope.observers(subject), "{\"m\":\"" + marker + "\"}");
    }

    @Test
    void eventReachesTheResolvedObserversOnly_andAStrangerNothing() throws Exception {
        try (FanoutFixture f = FanoutFixture.started()) {
            UserId subject = TestIds.user();
            UserId friend = TestIds.user();
            UserId stranger = TestIds.user();
            Set<UserId> observing = Set.of(subject, friend);
            f.fanout.resolveObserversWith((u, candidates) -> {
                Set<UserId> out = new HashSet<>(candidates);
                out.retainAll(u.equals(subject) ? observing : Set.of(u));
                return out;
            });
            FanoutFixture.Client s = f.connect(subject);
            FanoutFixture.Client fr = f.connect(friend);
            FanoutFixture.Client x = f.connect(stranger);

            f.fanout.publish(profile(subject, "one"));
            f.fanout.publish(profile(stranger, "two")); // FIFO: once the stranger has "two", "one" is past
            s.awaitMarker("one");
            fr.awaitMarker("one");
            assertThat(x.awaitMarker("two")).noneMatch(frame -> FanoutFixture.isMarker(frame, "one"));
            assertThat(fr.transport().frames()).noneMatch(frame -> FanoutFixture.isMarker(frame, "two"));
            FanoutFixture.assertConsecutive(s.transport().frames());
        }
    }

    @Test
    void aFailingDirectoryDropsOnlyThatEvent() throws Exception {
        try (FanoutFixture f = FanoutFixture.started()) {
            UserId subject = TestIds.user();
            AtomicBoolean fail = new AtomicBoolean(true);
            f.fanout.resolveObserversWith((u, candidates) -> {
                if (fail.getAndSet(false)) {
                    throw new IllegalStateException("database down");
                }
                return Set.of(u);
            });
            FanoutFixture.Client s = f.connect(subject);
            f.fanout.publish(profile(subject, "lost"));
            f.fanout.publish(profile(subject, "kept"));
            assertThat(s.awaitMarker("kept")).noneMatch(frame -> FanoutFixture.isMarker(frame, "lost"));
        }
    }

    @Test
    void beyondTheQueueCapacityEventsAreDroppedAndCountedAsAudienceOverflow() {
        try (FanoutFixture f = new FanoutFixture(GatewayLimits.defaults(), false)) { // worker not started
            UserId subject = TestIds.user();
            for (int i = 0; i < ObserverAudienceResolver.CAPACITY + 3; i++) {
                f.fanout.publish(profile(subject, "e" + i));
            }
            assertThat(f.metrics.counter(RecordingGatewayMetrics.DROPPED, Map.of("scope", "observers",
                    "event_type", "profile_update", "reason", "audience_overflow"))).isEqualTo(3);
        }
    }
}
