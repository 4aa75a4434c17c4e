package dev.filament.redis.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher;
import dev.filament.application.shared.port.out.ClusterTelemetry;
import dev.filament.application.voice.fakes.InMemoryVoiceRegistry;
import dev.filament.domain.id.UserId;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceRoom;
import dev.filament.redis.RedisNodesTest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC 17.6 connection counts on two nodes: only the node whose change makes a user's total 0 removes voice. */
class RedisConnectionCountsTest extends RedisNodesTest {
    private final TestIds ids = new TestIds();
    private final InMemoryVoiceRegistry voice = new InMemoryVoiceRegistry(new RecordingGatewayEventPublisher());
    private final Clock clock = Clock.systemUTC();
    private final Map<UserId, Integer> localA = new ConcurrentHashMap<>();
    private final Map<UserId, Integer> localB = new ConcurrentHashMap<>();
    private final RedisConnectionCounts nodeA = counts(0, localA);
    private final RedisConnectionCounts nodeB = counts(1, localB);

    @AfterEach
    void close() throws Exception {
        nodeA.close();
        nodeB.close();
    }

    private RedisConnectionCounts counts(int node, Map<UserId, Integer> local) {
        RedisConnectionCounts counts = new RedisConnectionCounts(redis.node(node), ClusterTelemetry.NONE, voice,
                clock, u -> local.getOrDefault(u, 0), () -> Set.copyOf(local.keySet()));
        counts.start();
        return counts;
    }

    private UserId inVoice() {
        UserId user = ids.newUserId();
        VoiceRoom room = VoiceRoom.of(ids.newGuildId(), ids.newChannelId());
        voice.issue(room.identityOf(user), VoiceGrant.of(true), Instant.now(), Instant.now().plusSeconds(300));
        return user;
    }

    private void set(RedisConnectionCounts node, Map<UserId, Integer> local, UserId user, int count)
            throws InterruptedException {
        if (count == 0) {
            local.remove(user);
        } else {
            local.put(user, count);
        }
        node.changed(user);
        node.awaitIdle();
    }

    private boolean seated(UserId user) {
        return voice.rooms().stream().anyMatch(r -> !voice.participants(r).stream()
                .filter(p -> p.user().equals(user)).toList().isEmpty());
    }

    @Test
    void closingTheLastSocketOnOneNodeKeepsVoiceWhileAnotherNodeHoldsOne_closingTheLastRemovesIt()
            throws Exception {
        UserId user = inVoice();
        set(nodeA, localA, user, 2);
        set(nodeB, localB, user, 1);

        set(nodeA, localA, user, 0);
        assertThat(seated(user)).isTrue();

        set(nodeB, localB, user, 0);
        assertThat(seated(user)).isFalse();
    }

    @Test
    void theJanitorsCleanupOfADeadInstanceRemovesVoiceForUsersReachingZero() throws Exception {
        UserId onlyOnB = inVoice();
        UserId alsoOnA = inVoice();
        set(nodeB, localB, onlyOnB, 1);
        set(nodeB, localB, alsoOnA, 1);
        set(nodeA, localA, alsoOnA, 1);

        int removed = nodeA.cleanUp(redis.node(1).instance());

        assertThat(removed).isEqualTo(1);
        assertThat(seated(onlyOnB)).isFalse();
        assertThat(seated(alsoOnA)).isTrue();
    }

    @Test
    void reapplyRestoresTheNodesCountsAfterRedisLostThem() throws Exception {
        UserId user = inVoice();
        set(nodeA, localA, user, 1);
        redis.node(0).call(dev.filament.redis.RedisBound.BACKGROUND, "test", c -> c.flushdb());

        nodeA.reapply();
        nodeA.awaitIdle();
        set(nodeB, localB, user, 1);
        set(nodeB, localB, user, 0);

        assertThat(seated(user)).as("A's re-applied count keeps the user in voice").isTrue();
    }
}
