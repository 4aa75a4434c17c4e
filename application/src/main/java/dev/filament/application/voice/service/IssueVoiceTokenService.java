package dev.filament.application.voice.service;

import dev.filament.application.guild.service.AccessLadder;
import dev.filament.application.guild.service.Audits;
import dev.filament.application.guild.service.ChannelAccess;
import dev.filament.application.guild.service.HandOffs;
import dev.filament.application.guild.service.StoredTime;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.shared.RateLimiter;
import dev.filament.application.voice.port.out.VoiceRegistry.IssueOutcome;
import dev.filament.application.voice.port.out.VoiceRegistry;
import dev.filament.application.voice.port.out.VoiceToken;
import dev.filament.application.voice.port.out.VoiceTokenIssuer;
import dev.filament.application.voice.port.in.IssueVoiceTokenUseCase;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.UnavailableException;
import dev.filament.domain.guild.ChannelKind;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceGrantPolicy;
import dev.filament.domain.voice.VoiceIdentity;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Implements {@link IssueVoiceTokenUseCase} in the order of SPEC 11.1. The ladder reads run in their own read
 * transaction; limiters, grant and minting run outside any transaction (so a retried transaction never records a
 * limiter hit twice); the {@code media.token.issue} audit commits alone; the registry update is a post-commit
 * hand-off whose failure never changes the 200.
 */
public final class IssueVoiceTokenService implements IssueVoiceTokenUseCase {
    private final VoiceChannelGate gate;
    private final UnitOfWork unitOfWork;
    private final Audits audits;
    private final HandOffs handOffs;
    private final Clock clock;
    private final VoiceRegistry registry;
    private final VoiceTokenIssuer issuer;
    private final RateLimiter tokenLimiter;
    private final RateLimiter publishLimiter;

    /** @param tokenLimiter {@code voice_token}; @param publishLimiter {@code voice_publish} (SPEC 2.6) */
    public IssueVoiceTokenService(AccessLadder ladder, UnitOfWork unitOfWork, Audits audits, HandOffs handOffs,
                                  Clock clock, VoiceRegistry registry, VoiceTokenIssuer issuer,
                                  RateLimiter tokenLimiter, RateLimiter publishLimiter) {
        this.gate = new VoiceChannelGate(ladder, unitOfWork);
        this.unitOfWork = unitOfWork;
        this.audits = audits;
        this.handOffs = handOffs;
        this.clock = clock;
        this.registry = registry;
        this.issuer = issuer;
        this.tokenLimiter = tokenLimiter;
        this.publishLimiter = publishLimiter;
    }

    @Override
    public IssuedVoiceToken issue(IssueVoiceTokenCommand c) {
        ChannelAccess access = gate.enter(c.user(), c.clientIp(), c.guild(), c.channel(),
                IpBanSurface.VOICE_TOKEN_ISSUE);
        String limiterKey = limiterKey(c);
        tokenLimiter.acquire(limiterKey);
        access.require(Permission.CREATE_MESSAGE);
        if (access.channel().kind() != ChannelKind.VOICE) {
            throw new InvalidRequestException("channel is not a voice channel");
        }
        if (!issuer.configured()) {
            throw new UnavailableException(UnavailableException.VOICE_UNAVAILABLE, "livekit");
        }
        VoiceGrant grant = VoiceGrantPolicy.effectiveGrant(c.request(), access.permissions().permissions());
        if (VoiceGrantPolicy.needsPublishLimiter(grant)) {
            publishLimiter.acquire(limiterKey);
        }
        VoiceGrantPolicy.grantsSomething(grant).orThrow();
        VoiceIdentity identity = VoiceRoom.of(c.guild(), c.channel()).identityOf(c.user());
        Instant now = VoiceChannelGate.now(clock);
        registry.checkCapacity(identity, now);
        VoiceToken token = issuer.issue(identity, c.username(), grant, now);
        unitOfWork.run(() -> audit(c, grant, now));
        handOffs.guarded("voice.registry", () -> register(identity, grant, now, token.expiresAt()));
        return new IssuedVoiceToken(token, identity, grant);
    }

    /** The key of both voice limiters: {@code {ip}:{user}:{guild}:{channel}}, IPv6 by its /64 (SPEC 2.6). */
    static String limiterKey(IssueVoiceTokenCommand c) {
        return c.clientIp().address().networkKey() + ":" + c.user().value() + ":" + c.guild().value() + ":"
                + c.channel().value();
    }

    private void audit(IssueVoiceTokenCommand c, VoiceGrant grant, Instant now) {
        audits.write(c.guild(), c.user(), Optional.of(c.user()), AuditAction.MEDIA_TOKEN_ISSUE, now,
                new AuditDetails.MediaTokenIssued(c.channel().value(), c.clientIp().address().toString(),
                        c.clientIp().source().wireName(), grant.canPublish(), grant.canSubscribe(),
                        grant.sourceWireNames()));
    }

    private void register(VoiceIdentity identity, VoiceGrant grant, Instant now, Instant expiresAt) {
        if (registry.issue(identity, grant, now, expiresAt) == IssueOutcome.OVER_CAPACITY) {
            // a concurrent issue took the last seat after checkCapacity: the token stands, the miss is reported
            throw new IllegalStateException("voice registry full after the token was committed");
        }
    }
}
