package dev.filament.bootstrap.wiring;

import dev.filament.application.gateway.GatewayEventPublisher;
import dev.filament.application.guild.GuildKit;
import dev.filament.application.guild.GuildSettings;
import dev.filament.application.guild.GuildStore;
import dev.filament.application.guild.GuildUseCases;
import dev.filament.application.guild.port.GuildRevalidation;
import dev.filament.application.guild.port.PayloadSerializer;
import dev.filament.application.guild.port.VoiceRemovals;
import dev.filament.application.ratelimit.RateLimiter;
import dev.filament.bootstrap.config.ServerConfig;
import dev.filament.domain.guild.ipban.InfrastructureNetworks;
import dev.filament.domain.id.IdGenerator;
import dev.filament.domain.id.UserId;
import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.http.guild.GuildHttp;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.metrics.LoggingHandOffFailures;
import dev.filament.http.routes.RouteModule;
import dev.filament.postgres.guild.PostgresGuildAdapters;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;

/** Guilds, channels, roles, members, moderation, IP bans, directory and audit (SPEC 5-7). */
public final class GuildWiring {
    public final GuildStore store;
    public final GuildKit kit;
    public final GuildUseCases useCases;

    private GuildWiring(GuildStore store, GuildKit kit, GuildUseCases useCases) {
        this.store = store;
        this.kit = kit;
        this.useCases = useCases;
    }

    /** Hand-offs the guild feature makes after its commits. */
    public record HandOffs(GatewayEventPublisher events, PayloadSerializer payloads, GuildRevalidation revalidation,
                           VoiceRemovals voice) {
    }

    public static GuildWiring create(ServerConfig config, DatabaseWiring.Database database,
                                     IdentityWiring.Identity identity,
                                     Limiters limiters, IdGenerator ids, Clock clock, MeterRegistry meters,
                                     HandOffs handOffs) {
        GuildStore store = PostgresGuildAdapters.create(database.unitOfWork()).store();
        GuildSettings settings = new GuildSettings(config.serverOwnerUserId().map(UserId::of),
                config.maxCreatedGuildsPerUser(), config.auditListLimitMax(), config.guildIpBanMaxEntries(),
                InfrastructureNetworks.of(config.trustedProxies()));
        GuildKit kit = GuildUseCases.kit(store, settings, ids, clock, handOffs.events(), handOffs.payloads(),
                handOffs.revalidation(), handOffs.voice(), new LoggingHandOffFailures(meters));
        RateLimiter joinIp = limiters.add(LimitPolicy.slidingWindow("directory_join_ip",
                config.directoryJoinPerMinutePerIp(), 60));
        RateLimiter joinUser = limiters.add(LimitPolicy.slidingWindow("directory_join_user",
                config.directoryJoinPerMinutePerUser(), 60));
        GuildUseCases useCases = GuildUseCases.create(kit, joinIp, joinUser, identity.ipObservations());
        return new GuildWiring(store, kit, useCases);
    }

    public List<RouteModule> routes(IdentityWiring.Identity identity, JsonBodies bodies) {
        return new GuildHttp(useCases, identity.bearer(), bodies).modules();
    }
}
