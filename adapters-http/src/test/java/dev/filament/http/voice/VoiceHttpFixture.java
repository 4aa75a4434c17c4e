package dev.filament.http.voice;

import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher;
import dev.filament.application.guild.service.GuildFixture;
import dev.filament.application.shared.RateLimiter;
import dev.filament.application.voice.port.out.VoiceTokenIssuer;
import dev.filament.application.voice.fakes.RecordingVoiceTokenIssuer;
import dev.filament.application.voice.fakes.InMemoryVoiceRegistry;
import dev.filament.domain.guild.Channel;
import dev.filament.application.identity.fakes.InMemorySessionRepository;
import dev.filament.application.identity.fakes.InMemoryUserRepository;
import dev.filament.application.identity.fakes.RecordingAuthEvents;
import dev.filament.application.identity.service.AuthenticateRequestService;
import dev.filament.application.voice.service.IssueVoiceTokenService;
import dev.filament.application.voice.service.LeaveVoiceService;
import dev.filament.application.voice.service.UpdateVoiceStateService;
import dev.filament.domain.guild.ChannelKind;
import dev.filament.domain.guild.ChannelName;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.domain.voice.VoiceRoom;
import dev.filament.http.testing.HttpFixture;
import dev.filament.http.testing.HttpFixture.Caller;

/**
 * The voice use cases wired by constructor as bootstrap does over the guild fakes (pinned clock), a recording token
 * issuer (or the unconfigured one) and a simple registry publishing to a recorder, served through the shared
 * {@link HttpFixture} ({@code 127.0.0.1} is a trusted proxy, so {@code X-Forwarded-For} picks the client IP). Tests
 * talk HTTP through {@link #http}.
 */
public final class VoiceHttpFixture implements AutoCloseable {
    final GuildFixture guilds = new GuildFixture();
    final RecordingGatewayEventPublisher events = new RecordingGatewayEventPublisher();
    final InMemoryVoiceRegistry registry = new InMemoryVoiceRegistry(events);
    final RecordingVoiceTokenIssuer issuer = new RecordingVoiceTokenIssuer();
    public final HttpFixture http;

    public VoiceHttpFixture(boolean liveKitConfigured, int tokenQuota) {
        VoiceTokenIssuer tokenIssuer = liveKitConfigured ? issuer : VoiceTokenIssuer.UNCONFIGURED;
        RateLimiter tokenLimiter = new RateLimiter(LimitPolicy.slidingWindow("voice_token", tokenQuota, 60),
                guilds.clock);
        RateLimiter publishLimiter = new RateLimiter(LimitPolicy.slidingWindow("voice_publish", 1_000, 60),
                guilds.clock);
        var ladder = guilds.graph.ladder();
        HttpFixture.Builder builder = HttpFixture.builder().perMinute(100_000).tokenBaselineKey()
                .trust("127.0.0.1/32");
        VoiceRoutes routes = new VoiceRoutes(new IssueVoiceTokenService(ladder, guilds.unitOfWork,
                guilds.graph.audits(), guilds.graph.handOffs(), guilds.clock, registry, tokenIssuer, tokenLimiter,
                publishLimiter),
                new LeaveVoiceService(ladder, guilds.unitOfWork, registry, guilds.clock),
                new UpdateVoiceStateService(ladder, guilds.unitOfWork, registry, guilds.clock),
                builder.auth(), builder.bodies());
        http = builder.routes(routes).start();
    }

    /** A registered user (identity and guild tables) with a live session. */
    Caller user() {
        Caller c = http.user(guilds.ids.newUserId());
        guilds.db.addUser(c.id());
        return c;
    }

    GuildId guild(Caller owner) {
        return guilds.newGuild(owner.id()).id();
    }

    Caller member(GuildId guild, SystemRoleKey... roles) {
        Caller c = user();
        guilds.store.tx(() -> guilds.store.members().insertIfAbsent(guild, c.id(), guilds.clock.instant()));
        for (SystemRoleKey key : roles) {
            guilds.assign(guild, guilds.seeded(guild, key), c.id());
        }
        return c;
    }

    Channel channel(GuildId guild, ChannelKind kind) {
        Channel c = new Channel(guilds.ids.newChannelId(), guild, ChannelName.of("v" + guilds.ids.next()
                .substring(20)), kind, guilds.clock.instant());
        guilds.store.tx(() -> {
            guilds.store.channels().insert(c);
            return null;
        });
        return c;
    }

    static String path(GuildId guild, Channel channel, String action) {
        return "/guilds/" + guild + "/channels/" + channel.id() + "/voice/" + action;
    }

    static VoiceRoom room(GuildId guild, Channel channel) {
        return VoiceRoom.of(guild, channel.id());
    }

    @Override
    public void close() {
        http.close();
    }
}
