package dev.filament.bootstrap.wiring;

import dev.filament.application.guild.port.out.GuildRevalidation;
import dev.filament.application.identity.port.out.SessionRevocationListener;
import dev.filament.application.shared.port.out.ClusterTelemetry;
import dev.filament.application.shared.port.out.ReadinessCheck;
import dev.filament.application.shared.port.out.SharedRateLimits;
import dev.filament.application.wire.EventSerializer;
import dev.filament.bootstrap.config.ServerConfig;
import dev.filament.micrometer.MicrometerClusterTelemetry;
import dev.filament.realtime.GatewayFanout;
import dev.filament.application.guild.port.out.GuildAccessVersions;
import dev.filament.redis.RedisAccess;
import dev.filament.redis.RedisGuildVersions;
import dev.filament.redis.RedisReadinessCheck;
import dev.filament.redis.limits.RedisRateLimits;
import dev.filament.redis.presence.NodeLiveness;
import dev.filament.redis.presence.RedisPresence;
import dev.filament.postgres.identity.LiveSessionCache;
import dev.filament.redis.relay.RedisRelay;
import dev.filament.redis.relay.RelayPublisher;
import dev.filament.redis.relay.RelayReader;
import dev.filament.redis.voice.RedisConnectionCounts;
import dev.filament.redis.voice.RedisVoiceLeader;
import dev.filament.redis.voice.RedisVoiceRegistry;
import dev.filament.realtime.SessionRegistry;
import dev.filament.application.voice.service.VoiceEventPayloads;
import java.time.Clock;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;

/**
 * Scale-out through Redis (SPEC 17), only when {@code FILAMENT_REDIS_URL} is set. {@link #start} (before the
 * limiters): the bounded Redis access of this node, the relay publisher and the shared limiter state.
 * {@link ScaleOut#join} (once the gateway exists): the relay reader, presence with heartbeat and janitor, and the
 * recovery re-apply. Closing runs in reverse: presence drains, the node removes its own state, the publisher flushes.
 */
public final class ScaleOutWiring {

    private ScaleOutWiring() {
    }

    /** The started publishing side; {@link #join} completes it. */
    public record ScaleOut(RedisAccess access, RedisRelay relay, SharedRateLimits limits, ClusterTelemetry telemetry,
                           Lifecycle lifecycle) {

        /** The per-guild access versions every node checks before serving a cached access snapshot (17.8). */
        public GuildAccessVersions guildVersions() {
            return new RedisGuildVersions(access);
        }

        /**
         * The shared voice state of 17.6 over {@code fanout}: the registry in Redis (its events published through
         * the fanout, so relayed), the connection counts fed by the fanout's attached-connection changes (the node
         * whose change makes a user's total 0 removes the user from voice) and the voice-leader lease gating the
         * LiveKit sync loop. Started here; the counts' recovery and janitor steps are attached by {@link #join}.
         */
        public ScaleVoice voice(GatewayFanout fanout, VoiceEventPayloads payloads, Clock clock) {
            RedisVoiceRegistry registry = new RedisVoiceRegistry(access, telemetry, fanout, payloads);
            SessionRegistry sessions = fanout.registry();
            RedisConnectionCounts counts = lifecycle.own(new RedisConnectionCounts(access, telemetry, registry, clock,
                    sessions::attachedConnections, sessions::attachedUsers));
            sessions.onAttachedChange(counts::changed);
            counts.start();
            RedisVoiceLeader leader = lifecycle.own(new RedisVoiceLeader(access));
            leader.start();
            return new ScaleVoice(registry, counts, leader);
        }

        /**
         * Joins the cluster with {@code fanout}: local events and drops are relayed, remote ones delivered; remote
         * {@code revalidate} entries go to the local worker, {@code revoke} entries to {@code revocations}; presence
         * goes through Redis; renames committed here go out as {@code user} entries and other nodes' renames drop
         * the user from {@code liveSessions}. Returns the {@code redis} readiness check and the hook to own after the
         * gateway's shutdown (so that it runs before it).
         */
        public Joined join(GatewayFanout fanout, EventSerializer serializer, GuildRevalidation revalidation,
                SessionRevocationListener revocations, ScaleVoice voice, LiveSessionCache liveSessions) {
            liveSessions.relayRenamesTo((user, name) -> relay.renamed(user, name.value()));
            fanout.relayTo(relay);
            RedisPresence presence = new RedisPresence(access, telemetry, serializer);
            NodeLiveness liveness = lifecycle.own(new NodeLiveness(access, presence, fanout::publishConfirmed,
                    relay::event));
            liveness.alsoCleanUp(voice.counts()::cleanUp);
            liveness.start();
            lifecycle.own(presence);
            fanout.presenceLedger(presence);
            Runnable reapply = () -> {
                presence.reapply(fanout.registry().presenceState(), fanout::publishConfirmed);
                voice.counts().reapply();
            };
            access.onRecovery(reapply);
            access.onReset(reapply);
            RelayReader reader = lifecycle.own(new RelayReader(access, fanout, revalidation, revocations,
                    telemetry));
            reader.onReconnect(reapply);
            reader.onRename(liveSessions::userChanged);
            reader.start();
            // runs before the gateway's shutdown closes the sockets: their offline transitions go out by the relay
            return new Joined(new RedisReadinessCheck(access, reader), () -> {
                presence.stopping(relay::event);
                voice.registry().stopping(relay::event);
            });
        }
    }

    /** The voice state shared through Redis (17.6). */
    public record ScaleVoice(RedisVoiceRegistry registry, RedisConnectionCounts counts, RedisVoiceLeader leader) {
    }

    /** The {@code redis} readiness check, and the stop hook that must run before the gateway's shutdown. */
    public record Joined(ReadinessCheck readiness, AutoCloseable beforeGatewayShutdown) {
    }

    /** Empty when scale-out is off: no Redis connection is made at all (17.1). */
    public static Optional<ScaleOut> start(ServerConfig config, String instance, MeterRegistry meters,
            Lifecycle lifecycle) {
        if (config.redisUrl().isEmpty()) {
            return Optional.empty();
        }
        ClusterTelemetry telemetry = new MicrometerClusterTelemetry(meters);
        RedisAccess access = lifecycle.own(RedisAccess.start(RedisURI.create(config.redisUrl().get()), instance,
                telemetry));
        RelayPublisher publisher = lifecycle.own(new RelayPublisher(access, telemetry));
        publisher.start();
        return Optional.of(new ScaleOut(access, new RedisRelay(publisher), new RedisRateLimits(access, telemetry),
                telemetry, lifecycle));
    }
}
