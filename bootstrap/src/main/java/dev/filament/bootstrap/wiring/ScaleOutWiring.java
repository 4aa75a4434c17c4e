package dev.filament.bootstrap.wiring;

import dev.filament.application.gateway.port.out.RelayedDelivery;
import dev.filament.application.guild.port.out.GuildRevalidation;
import dev.filament.application.identity.port.out.SessionRevocationListener;
import dev.filament.application.shared.port.out.ClusterTelemetry;
import dev.filament.application.shared.port.out.ReadinessCheck;
import dev.filament.application.shared.port.out.SharedRateLimits;
import dev.filament.bootstrap.config.ServerConfig;
import dev.filament.micrometer.MicrometerClusterTelemetry;
import dev.filament.redis.RedisAccess;
import dev.filament.redis.RedisReadinessCheck;
import dev.filament.redis.limits.RedisRateLimits;
import dev.filament.redis.relay.RedisRelay;
import dev.filament.redis.relay.RelayPublisher;
import dev.filament.redis.relay.RelayReader;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;

/**
 * Scale-out through Redis (SPEC 17), only when {@code FILAMENT_REDIS_URL} is set: the bounded Redis access of this
 * node, the relay publisher (the dispatcher's relay and the relaying revocation and revalidation hand-offs) and the
 * shared limiter state. The relay reader starts last, once the local targets of remote entries exist.
 */
public final class ScaleOutWiring {

    private ScaleOutWiring() {
    }

    /** The started publishing side; {@link #startReader} completes it. */
    public record ScaleOut(RedisAccess access, RedisRelay relay, SharedRateLimits limits, ClusterTelemetry telemetry,
                           Lifecycle lifecycle) {

        /**
         * Starts the relay reader: remote events and drops go to {@code delivery}, {@code revalidate} entries to the
         * local worker, {@code revoke} entries to {@code revocations}. Returns the {@code redis} readiness check.
         */
        public ReadinessCheck startReader(RelayedDelivery delivery, GuildRevalidation revalidation,
                SessionRevocationListener revocations) {
            RelayReader reader = lifecycle.own(new RelayReader(access, delivery, revalidation, revocations,
                    telemetry));
            reader.start();
            return new RedisReadinessCheck(access, reader);
        }
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
