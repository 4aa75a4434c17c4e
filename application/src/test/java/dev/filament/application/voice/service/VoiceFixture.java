package dev.filament.application.voice.service;

import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher;
import dev.filament.application.guild.service.GuildFixture;
import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.shared.RateLimiter;
import dev.filament.application.voice.fakes.RecordingVoiceTokenIssuer;
import dev.filament.application.voice.fakes.TestJson;
import dev.filament.application.voice.port.in.IssueVoiceTokenUseCase.IssueVoiceTokenCommand;
import dev.filament.application.voice.port.in.IssueVoiceTokenUseCase.IssuedVoiceToken;
import dev.filament.domain.guild.Channel;
import dev.filament.application.voice.port.in.IssueVoiceTokenUseCase;
import dev.filament.application.voice.port.in.LeaveVoiceUseCase;
import dev.filament.application.voice.port.in.UpdateVoiceStateUseCase;
import dev.filament.application.voice.port.out.VoiceTokenIssuer;
import dev.filament.domain.guild.ChannelKind;
import dev.filament.domain.guild.ChannelName;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.Username;
import dev.filament.domain.net.ClientIp;
import dev.filament.domain.ratelimit.LimitPolicy;
import dev.filament.domain.voice.VoiceCapacity;
import dev.filament.domain.voice.VoiceGrantRequest;
import dev.filament.domain.voice.VoiceRoom;
import java.util.List;

/**
 * The voice services wired by constructor as bootstrap does, over the guild fakes, a recording token
 * issuer (or the unconfigured one), the observed registry and the two limiters on the fixture's pinned clock.
 */
final class VoiceFixture {
    static final ClientIp IP = GuildFixture.IP;

    final GuildFixture f = new GuildFixture();
    final RecordingGatewayEventPublisher events = new RecordingGatewayEventPublisher();
    final RecordingVoiceTokenIssuer issuer = new RecordingVoiceTokenIssuer();
    final ObservedVoiceRegistry registry;
    final RateLimiter tokenLimiter;
    final RateLimiter publishLimiter;
    final UseCases useCases;
    final UserId owner = f.newUser();
    final Guild guild = f.newGuild(owner);
    final Channel voice;

    VoiceFixture() {
        this(VoiceCapacity.SPEC, 60, 60, true);
    }

    VoiceFixture(VoiceCapacity capacity, int tokenQuota, int publishQuota, boolean liveKitConfigured) {
        registry = new ObservedVoiceRegistry(events, new VoiceEventPayloads(new TestJson()), capacity,
                () -> "tx=" + f.unitOfWork.inTransaction() + ",audit=" + tokenAudits().size());
        tokenLimiter = new RateLimiter(LimitPolicy.slidingWindow("voice_token", tokenQuota, 60), f.clock);
        publishLimiter = new RateLimiter(LimitPolicy.slidingWindow("voice_publish", publishQuota, 60), f.clock);
        VoiceTokenIssuer tokens = liveKitConfigured ? issuer : VoiceTokenIssuer.UNCONFIGURED;
        var ladder = f.graph.ladder();
        useCases = new UseCases(new IssueVoiceTokenService(ladder, f.unitOfWork, f.graph.audits(), f.graph.handOffs(),
                f.clock, registry, tokens, tokenLimiter, publishLimiter),
                new LeaveVoiceService(ladder, f.unitOfWork, registry, f.clock),
                new UpdateVoiceStateService(ladder, f.unitOfWork, registry, f.clock));
        voice = channel(ChannelKind.VOICE);
    }

    /** The voice use cases. */
    record UseCases(IssueVoiceTokenUseCase issueToken, LeaveVoiceUseCase leave, UpdateVoiceStateUseCase updateState) {
    }

    Channel channel(ChannelKind kind) {
        Channel c = new Channel(f.ids.newChannelId(), guild.id(), ChannelName.of("c" + f.ids.next().substring(20)),
                kind, f.clock.instant());
        f.store.tx(() -> {
            f.store.channels().insert(c);
            return null;
        });
        return c;
    }

    UserId member(SystemRoleKey... roles) {
        return f.newMember(guild.id(), roles);
    }

    /** A channel override denying {@code deny} to the seeded role {@code key} in {@code channel}. */
    void denyToRole(ChannelId channel, SystemRoleKey key, Permission... deny) {
        ChannelOverride row = ChannelOverride.forRole(f.seeded(guild.id(), key).id(), PermissionSet.NONE,
                PermissionSet.of(deny));
        f.store.tx(() -> {
            f.store.channels().upsertOverride(guild.id(), channel, row, f.clock.instant());
            return null;
        });
    }

    IssueVoiceTokenCommand command(UserId user, ChannelId channel, VoiceGrantRequest request) {
        return new IssueVoiceTokenCommand(user, new Username(TestIds.uniqueUsername()), IP, guild.id(), channel,
                request);
    }

    IssuedVoiceToken issue(UserId user, VoiceGrantRequest request) {
        return useCases.issueToken().issue(command(user, voice.id(), request));
    }

    /** The limiter key SPEC 2.6 names: {@code {ip}:{user}:{guild}:{channel}}. */
    String limiterKey(UserId user, ChannelId channel) {
        return IP.address() + ":" + user + ":" + guild.id() + ":" + channel;
    }

    VoiceRoom room() {
        return VoiceRoom.of(guild.id(), voice.id());
    }

    List<AuditEntry> tokenAudits() {
        return f.db.auditRows().stream().filter(e -> e.action() == AuditAction.MEDIA_TOKEN_ISSUE).toList();
    }

    List<String> eventTypes() {
        return events.events().stream().map(e -> e.type()).toList();
    }
}
