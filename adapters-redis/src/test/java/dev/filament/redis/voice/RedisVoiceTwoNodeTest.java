package dev.filament.redis.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher;
import dev.filament.application.shared.port.out.ClusterTelemetry;
import dev.filament.application.voice.fakes.TestJson;
import dev.filament.application.voice.port.out.VoiceRegistry.IssueOutcome;
import dev.filament.application.voice.service.VoiceEventPayloads;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.voice.VoiceCapacity;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceIdentity;
import dev.filament.domain.voice.VoiceParticipant;
import dev.filament.domain.voice.VoiceRoom;
import dev.filament.redis.RedisBound;
import dev.filament.redis.RedisNodesTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two nodes' registries on one Redis (SPEC 17.6): one shared roster, shared caps, concurrent issues, the lease. */
class RedisVoiceTwoNodeTest extends RedisNodesTest {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private final TestIds ids = new TestIds();
    private final RecordingGatewayEventPublisher eventsB = new RecordingGatewayEventPublisher();
    private RedisVoiceRegistry nodeA;
    private RedisVoiceRegistry nodeB;

    @BeforeEach
    void registries() {
        redis.node(0).call(RedisBound.BACKGROUND, "test", c -> c.flushdb());
        VoiceEventPayloads payloads = new VoiceEventPayloads(new TestJson());
        nodeA = new RedisVoiceRegistry(redis.node(0), ClusterTelemetry.NONE, new RecordingGatewayEventPublisher(),
                payloads, new VoiceCapacity(8, 2));
        nodeB = new RedisVoiceRegistry(redis.node(1), ClusterTelemetry.NONE, eventsB, payloads,
                new VoiceCapacity(8, 2));
    }

    @Test
    void aParticipantRegisteredOnOneNodeIsListedAndRemovableOnTheOther_andTheCapIsShared() {
        VoiceRoom room = VoiceRoom.of(ids.newGuildId(), ids.newChannelId());
        VoiceIdentity alice = room.identityOf(ids.newUserId());
        nodeA.issue(alice, VoiceGrant.of(true), T0, T0.plusSeconds(300));
        nodeB.issue(room.identityOf(ids.newUserId()), VoiceGrant.of(true), T0, T0.plusSeconds(300));

        assertThat(nodeB.participants(room)).extracting(VoiceParticipant::identity).hasSize(2).first()
                .isEqualTo(alice);
        assertThatThrownBy(() -> nodeA.checkCapacity(room.identityOf(ids.newUserId()), T0.plusSeconds(1)))
                .isInstanceOf(ConflictException.class);

        eventsB.clear();
        assertThat(nodeB.removeUserEverywhere(alice.user(), T0.plusSeconds(2))).isEqualTo(1);
        assertThat(eventsB.events()).extracting(GatewayEvent::type).containsExactly("voice_participant_leave");
        assertThat(nodeA.participants(room)).hasSize(1);
    }

    @Test
    void concurrentIssuesOnTwoNodesNeverExceedTheChannelCap() throws Exception {
        VoiceRoom room = VoiceRoom.of(ids.newGuildId(), ids.newChannelId());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CyclicBarrier start = new CyclicBarrier(4);
            List<Future<IssueOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                RedisVoiceRegistry node = i % 2 == 0 ? nodeA : nodeB;
                VoiceIdentity id = room.identityOf(ids.newUserId());
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return node.issue(id, VoiceGrant.of(true), T0, T0.plusSeconds(300));
                }));
            }
            List<IssueOutcome> results = new ArrayList<>();
            for (Future<IssueOutcome> f : outcomes) {
                results.add(f.get());
            }
            assertThat(results).filteredOn(o -> o == IssueOutcome.JOINED).hasSize(2);
            assertThat(nodeA.participants(room)).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyOneNodeHoldsTheVoiceLeaderLease_andTheOtherTakesItOnceReleased() {
        RedisVoiceLeader first = new RedisVoiceLeader(redis.node(0));
        RedisVoiceLeader second = new RedisVoiceLeader(redis.node(1));
        first.renew();
        second.renew();
        assertThat(first.mayRun()).isTrue();
        assertThat(second.mayRun()).isFalse();

        first.close();
        second.renew();
        assertThat(second.mayRun()).isTrue();
        assertThat(second.mayRemoveUnknown()).as("330 s have not passed since the registry was first used").isFalse();
    }
}
