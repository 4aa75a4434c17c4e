package dev.filament.redis;

import dev.filament.application.gateway.port.out.PresenceLedger;
import dev.filament.application.gateway.port.out.PresenceLedgerContract;
import dev.filament.application.guild.port.out.GuildAccessVersions;
import dev.filament.application.guild.port.out.GuildAccessVersionsContract;
import dev.filament.application.shared.port.out.ClusterTelemetry;
import dev.filament.application.shared.port.out.SharedRateLimits;
import dev.filament.application.shared.port.out.SharedRateLimitsContract;
import dev.filament.domain.id.GuildId;
import dev.filament.redis.limits.RedisRateLimits;
import dev.filament.redis.presence.RedisPresence;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.voice.port.out.VoiceRegistry;
import dev.filament.application.voice.port.out.VoiceRegistryContract;
import dev.filament.application.voice.service.VoiceEventPayloads;
import dev.filament.domain.voice.VoiceCapacity;
import dev.filament.redis.voice.RedisVoiceLeader;
import dev.filament.redis.voice.RedisVoiceRegistry;
import dev.filament.application.voice.port.out.VoiceSyncGate;
import dev.filament.application.voice.port.out.VoiceSyncGateContract;
import org.junit.jupiter.api.BeforeEach;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;

/** The Redis adapters against their port contracts, two nodes on one throw-away redis-server. */
class RedisPortContractsTest extends RedisNodesTest {

    @Nested
    class Limits extends SharedRateLimitsContract {
        @Override
        protected SharedRateLimits node(int index) {
            return new RedisRateLimits(redis.node(index), ClusterTelemetry.NONE);
        }
    }

    @Nested
    class Presence extends PresenceLedgerContract {
        private final RedisPresence[] nodes = {
            new RedisPresence(redis.node(0), ClusterTelemetry.NONE, e -> "{}"),
            new RedisPresence(redis.node(1), ClusterTelemetry.NONE, e -> "{}")};

        @Override
        protected PresenceLedger node(int index) {
            return nodes[index];
        }

        @Override
        protected void settle(int index) throws Exception {
            nodes[index].awaitIdle();
        }
    }

    @Nested
    class Voice extends VoiceRegistryContract {
        @BeforeEach
        void emptyRegistry() {
            redis.node(0).call(RedisBound.BACKGROUND, "test", c -> c.flushdb());
        }

        @Override
        protected VoiceRegistry newRegistry(GatewayEventPublisher publisher, VoiceEventPayloads payloads,
                VoiceCapacity capacity) {
            return new RedisVoiceRegistry(redis.node(0), ClusterTelemetry.NONE, publisher, payloads, capacity);
        }
    }

    @Nested
    class Leader extends VoiceSyncGateContract {
        private final RedisVoiceLeader[] nodes = {new RedisVoiceLeader(redis.node(0)),
            new RedisVoiceLeader(redis.node(1))};

        @BeforeEach
        void takeTheLease() {
            redis.node(0).call(RedisBound.BACKGROUND, "test", c -> c.flushdb());
            for (RedisVoiceLeader leader : nodes) {
                leader.renew();
            }
        }

        @Override
        protected int nodes() {
            return nodes.length;
        }

        @Override
        protected VoiceSyncGate node(int index) {
            return nodes[index];
        }
    }

    @Nested
    class Versions extends GuildAccessVersionsContract {
        private static final AtomicInteger NEXT = new AtomicInteger();

        @Override
        protected GuildAccessVersions node(int index) {
            return new RedisGuildVersions(redis.node(index));
        }

        @Override
        protected GuildId freshGuild() {
            return GuildId.of(String.format("01ARZ3NDEKTSV4RRFFQ69%05d", NEXT.incrementAndGet()));
        }
    }
}
