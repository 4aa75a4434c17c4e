package dev.filament.postgres.guild;

import dev.filament.application.shared.fakes.MutableClock;
import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher;
import dev.filament.application.guild.port.SimpleJsonSerializer;
import dev.filament.application.guild.port.out.GuildPorts;
import dev.filament.application.guild.port.out.RecordingHandOffPorts;
import dev.filament.application.guild.service.GuildGraph;
import dev.filament.application.guild.service.GuildServices;
import dev.filament.application.guild.service.GuildSettings;
import dev.filament.application.identity.fakes.RecordingIpObservationRecorder;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.shared.RateLimiter;
import dev.filament.domain.net.ClientIp;
import dev.filament.domain.net.IpAddress;
import dev.filament.domain.ratelimit.LimitPolicy;
import java.time.Instant;

/**
 * The guild use cases wired as the bootstrap wires them ({@link GuildGraph#of} then {@link GuildGraph#services}),
 * over a PostgreSQL {@link GuildPorts} and the application's recording fakes for every post-commit hand-off.
 */
final class GuildWorld {
    static final ClientIp IP = new ClientIp(IpAddress.parse("203.0.113.7").orElseThrow(), ClientIp.Source.PEER);

    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    final TestIds ids = new TestIds();
    final RecordingGatewayEventPublisher gateway = new RecordingGatewayEventPublisher();
    /** Revalidation, voice and hand-off failures; the gateway has its own recorder above. */
    final RecordingHandOffPorts handOffs = new RecordingHandOffPorts(() -> false);

    GuildGraph graph(GuildPorts store) {
        return GuildGraph.of(store, GuildSettings.defaults(), ids, clock, gateway, new SimpleJsonSerializer(),
                handOffs, handOffs, handOffs);
    }

    GuildServices useCases(GuildPorts store) {
        return graph(store).services(
                new RateLimiter(LimitPolicy.slidingWindow("directory_join_ip", 60, 60), clock),
                new RateLimiter(LimitPolicy.slidingWindow("directory_join_user", 30, 60), clock),
                new RecordingIpObservationRecorder());
    }
}
