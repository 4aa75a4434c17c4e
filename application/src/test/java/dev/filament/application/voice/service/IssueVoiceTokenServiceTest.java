package dev.filament.application.voice.service;

import static dev.filament.domain.voice.StreamSource.CAMERA;
import static dev.filament.domain.voice.StreamSource.MICROPHONE;
import static dev.filament.domain.voice.StreamSource.SCREEN_SHARE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.voice.fakes.RecordingVoiceTokenIssuer;
import dev.filament.application.voice.port.in.IssueVoiceTokenUseCase.IssueVoiceTokenCommand;
import dev.filament.application.voice.port.in.IssueVoiceTokenUseCase.IssuedVoiceToken;
import dev.filament.application.voice.port.in.LeaveVoiceUseCase;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.FilamentException;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.error.RateLimitedException;
import dev.filament.domain.error.UnavailableException;
import dev.filament.domain.guild.ChannelKind;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.Username;
import dev.filament.domain.net.Cidr;
import dev.filament.domain.voice.StreamSource;
import dev.filament.domain.voice.VoiceCapacity;
import dev.filament.domain.voice.VoiceGrantRequest;
import dev.filament.domain.voice.VoiceParticipant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class IssueVoiceTokenServiceTest {

    private static VoiceGrantRequest request(boolean publish, boolean subscribe, StreamSource... sources) {
        return VoiceGrantRequest.of(publish, subscribe, List.of(sources));
    }

    private static void fails(ThrowingCallable call, Class<? extends FilamentException> type, String code) {
        assertThatThrownBy(call).isInstanceOf(type).extracting(e -> ((FilamentException) e).code()).isEqualTo(code);
    }

    /** Nothing of the token step happened: no mint, no audit, no registry change, no event. */
    private static void nothingIssued(VoiceFixture v) {
        assertThat(v.issuer.minted()).isEmpty();
        assertThat(v.tokenAudits()).isEmpty();
        assertThat(v.registry.rooms()).isEmpty();
        assertThat(v.events.events()).isEmpty();
    }

    @Test
    void aModeratorAskingForEverythingGetsEverything_auditedThenRegisteredWithJoinAndPublishEvents() {
        VoiceFixture v = new VoiceFixture();
        UserId mod = v.member(SystemRoleKey.MODERATOR);
        IssueVoiceTokenCommand command = v.command(mod, v.voice.id(),
                request(true, true, SCREEN_SHARE, MICROPHONE, CAMERA, CAMERA));

        IssuedVoiceToken issued = v.useCases.issueToken().issue(command);

        assertThat(issued.grant().sources()).containsExactly(MICROPHONE, CAMERA, SCREEN_SHARE);
        assertThat(issued.grant().canSubscribe()).isTrue();
        assertThat(issued.identity().value()).isEqualTo("u." + mod + "." + v.guild.id() + "." + v.voice.id());
        assertThat(issued.identity().room().name()).isEqualTo("filament.voice." + v.guild.id() + "." + v.voice.id());
        assertThat(issued.token().token()).isEqualTo("voice-token-1");
        assertThat(issued.token().liveKitUrl()).isEqualTo(RecordingVoiceTokenIssuer.URL);
        assertThat(issued.token().expiresInSecs()).isEqualTo(300);
        RecordingVoiceTokenIssuer.Minted minted = v.issuer.minted().getFirst();
        assertThat(minted.name()).isEqualTo(command.username());
        assertThat(minted.now()).isEqualTo(v.f.clock.instant());

        assertThat(v.registry.participants(v.room())).singleElement().satisfies(p -> {
            assertThat(p.user()).isEqualTo(mod);
            assertThat(p.streams()).containsExactly(MICROPHONE, CAMERA, SCREEN_SHARE);
            assertThat(p.expiresAt()).isEqualTo(v.f.clock.instant().plusSeconds(300));
        });
        assertThat(v.eventTypes()).containsExactly("voice_participant_join", "voice_stream_publish",
                "voice_stream_publish", "voice_stream_publish");
    }

    @Test
    void theAuditRowNamesTheCallerAndTheGrantedValues() {
        VoiceFixture v = new VoiceFixture();
        UserId member = v.member();

        v.issue(member, request(true, true, MICROPHONE, CAMERA));

        assertThat(v.tokenAudits()).singleElement().satisfies(e -> {
            assertThat(e.guildId()).isEqualTo(v.guild.id());
            assertThat(e.actor()).isEqualTo(member);
            assertThat(e.target()).contains(member);
            assertThat(e.createdAt()).isEqualTo(v.f.clock.instant());
            assertThat(e.details()).isEqualTo(new AuditDetails.MediaTokenIssued(v.voice.id().value(),
                    "203.0.113.7", "peer", true, true,
                    // a plain member lacks publish_video: the camera it asked for is not granted, nor audited
                    List.of("microphone")));
        });
    }

    @Test
    void theDefaultsPublishTheMicrophoneWithoutSubscribing() {
        VoiceFixture v = new VoiceFixture();

        IssuedVoiceToken issued = v.issue(v.member(), VoiceGrantRequest.DEFAULT);

        assertThat(issued.grant().sources()).containsExactly(MICROPHONE);
        assertThat(issued.grant().canSubscribe()).isFalse();
    }

    @Test
    void channelOverridesClampTheGrant_aDeniedCameraIsDroppedAndADeniedSubscribeIsFalse() {
        VoiceFixture v = new VoiceFixture();
        UserId mod = v.member(SystemRoleKey.MODERATOR);
        v.denyToRole(v.voice.id(), SystemRoleKey.MODERATOR, Permission.PUBLISH_VIDEO, Permission.SUBSCRIBE_STREAMS);

        IssuedVoiceToken issued = v.issue(mod, request(true, true, MICROPHONE, CAMERA, SCREEN_SHARE));

        assertThat(issued.grant().sources()).containsExactly(MICROPHONE, SCREEN_SHARE);
        assertThat(issued.grant().canSubscribe()).isFalse();
        assertThat(v.registry.participants(v.room()).getFirst().videoEnabled()).isFalse();
        assertThat(v.tokenAudits().getFirst().details()).isInstanceOfSatisfying(AuditDetails.MediaTokenIssued.class,
                d -> {
                    assertThat(d.publishSources()).containsExactly("microphone", "screen_share");
                    assertThat(d.canSubscribe()).isFalse();
                });
    }

    @Test
    void theRegistryIsUpdatedAfterTheAuditCommitted() {
        VoiceFixture v = new VoiceFixture();

        v.issue(v.member(), VoiceGrantRequest.DEFAULT);

        assertThat(v.registry.probesAtIssue()).containsExactly("tx=false,audit=1");
    }

    @Test
    void aRegistryFailingAfterTheCommitStillYieldsTheTokenAndIsReportedAsAHandOffFailure() {
        VoiceFixture v = new VoiceFixture();
        v.registry.failIssue();

        IssuedVoiceToken issued = v.issue(v.member(), VoiceGrantRequest.DEFAULT);

        assertThat(issued.token().token()).isEqualTo("voice-token-1");
        assertThat(v.tokenAudits()).hasSize(1);
        assertThat(v.registry.rooms()).isEmpty();
        assertThat(v.f.handOffs.log()).containsExactly("failed:voice.registry");
    }

    @Test
    void aSecondTokenForTheSameChannelUpdatesTheParticipantInsteadOfJoiningAgain() {
        VoiceFixture v = new VoiceFixture();
        UserId mod = v.member(SystemRoleKey.MODERATOR);
        v.issue(mod, request(true, false, MICROPHONE));
        v.events.clear();
        v.f.clock.advance(Duration.ofSeconds(100));

        v.issue(mod, request(true, false, MICROPHONE, CAMERA));

        assertThat(v.eventTypes()).containsExactly("voice_participant_update", "voice_stream_publish");
        VoiceParticipant p = v.registry.participants(v.room()).getFirst();
        assertThat(p.expiresAt()).isEqualTo(v.f.clock.instant().plusSeconds(300));
        assertThat(v.tokenAudits()).hasSize(2);
    }

    @Test
    void bothLimitersKeyOnIpUserGuildAndChannel_andThePublishLimiterCountsOnlyCameraOrScreenShare() {
        VoiceFixture v = new VoiceFixture(VoiceCapacity.SPEC, 60, 1, true);
        UserId mod = v.member(SystemRoleKey.MODERATOR);
        String key = v.limiterKey(mod, v.voice.id());

        v.issue(mod, request(true, true, MICROPHONE));
        v.issue(mod, request(false, true));
        assertThat(v.tokenLimiter.size()).isEqualTo(1);
        assertThat(v.publishLimiter.size()).as("microphone and subscribe-only skip voice_publish").isZero();

        v.issue(mod, request(true, false, SCREEN_SHARE));
        assertThat(v.publishLimiter.check(key).allowed()).as("the grant consumed the only voice_publish slot")
                .isFalse();
        fails(() -> v.issue(mod, request(true, false, CAMERA)), RateLimitedException.class, "rate_limited");
        assertThat(v.issuer.minted()).hasSize(3);

        VoiceFixture w = new VoiceFixture(VoiceCapacity.SPEC, 1, 60, true);
        UserId member = w.member();
        w.issue(member, VoiceGrantRequest.DEFAULT);
        assertThat(w.tokenLimiter.check(w.limiterKey(member, w.voice.id())).allowed()).isFalse();
        assertThat(w.tokenLimiter.check(w.limiterKey(member, w.channel(ChannelKind.VOICE).id())).allowed()).isTrue();
    }

    @Test
    void aCameraDroppedByPermissionsDoesNotTouchThePublishLimiter() {
        VoiceFixture v = new VoiceFixture(VoiceCapacity.SPEC, 60, 1, true);
        UserId member = v.member();

        v.issue(member, request(true, false, MICROPHONE, CAMERA));
        v.issue(member, request(true, false, MICROPHONE, CAMERA));

        assertThat(v.publishLimiter.size()).isZero();
        assertThat(v.issuer.minted()).hasSize(2);
    }

    @Test
    void theLadderRunsFirst_missingGuildOrChannelIs404AndANonMemberIs403_beforeAnyLimiter() {
        VoiceFixture v = new VoiceFixture();
        UserId stranger = v.f.newUser();
        UserId member = v.member();

        fails(() -> v.issue(stranger, VoiceGrantRequest.DEFAULT), ForbiddenException.class, "forbidden");
        fails(() -> v.useCases.issueToken().issue(v.command(member, v.f.ids.newChannelId(),
                VoiceGrantRequest.DEFAULT)), NotFoundException.class, "not_found");
        fails(() -> v.useCases.issueToken().issue(new IssueVoiceTokenCommand(member, new Username("someone"),
                VoiceFixture.IP, v.f.ids.newGuildId(), v.voice.id(), VoiceGrantRequest.DEFAULT)),
                NotFoundException.class, "not_found");

        assertThat(v.tokenLimiter.size()).isZero();
        nothingIssued(v);
    }

    @Test
    void anIpBanHitIs403OnTheVoiceTokenSurface() {
        VoiceFixture v = new VoiceFixture();
        UserId member = v.member();
        v.f.store.tx(() -> {
            v.f.store.ipBans().insertAll(List.of(new IpBan(v.f.ids.newIpBanId(), v.guild.id(),
                    Cidr.parse("203.0.113.0/24").orElseThrow(), Optional.empty(), "", v.owner, v.f.clock.instant(),
                    Optional.empty())));
            return null;
        });

        fails(() -> v.issue(member, VoiceGrantRequest.DEFAULT), ForbiddenException.class, "forbidden");

        assertThat(v.f.db.auditRows()).filteredOn(e -> e.action() == AuditAction.MODERATION_IP_BAN_HIT)
                .singleElement().extracting(AuditEntry::details)
                .isEqualTo(new AuditDetails.IpBanHit("voice.token.issue", "peer"));
        assertThat(v.tokenLimiter.size()).isZero();
        nothingIssued(v);
    }

    @Test
    void theTokenLimiterComesBeforeTheCreateMessageCheck() {
        VoiceFixture v = new VoiceFixture(VoiceCapacity.SPEC, 1, 60, true);
        UserId member = v.member();
        v.denyToRole(v.voice.id(), SystemRoleKey.MEMBER, Permission.CREATE_MESSAGE);
        v.denyToRole(v.voice.id(), SystemRoleKey.EVERYONE, Permission.CREATE_MESSAGE);

        fails(() -> v.issue(member, VoiceGrantRequest.DEFAULT), ForbiddenException.class, "forbidden");
        fails(() -> v.issue(member, VoiceGrantRequest.DEFAULT), RateLimitedException.class, "rate_limited");
        nothingIssued(v);
    }

    @Test
    void createMessageComesBeforeTheChannelKind_andTheKindBeforeTheLiveKitConfiguration() {
        VoiceFixture v = new VoiceFixture(VoiceCapacity.SPEC, 60, 60, false);
        UserId member = v.member();
        ChannelId text = v.channel(ChannelKind.TEXT).id();

        fails(() -> v.useCases.issueToken().issue(v.command(member, text, VoiceGrantRequest.DEFAULT)),
                InvalidRequestException.class, "invalid_request");
        fails(() -> v.issue(member, VoiceGrantRequest.DEFAULT), UnavailableException.class, "voice_unavailable");

        v.denyToRole(text, SystemRoleKey.MEMBER, Permission.CREATE_MESSAGE);
        v.denyToRole(text, SystemRoleKey.EVERYONE, Permission.CREATE_MESSAGE);
        fails(() -> v.useCases.issueToken().issue(v.command(member, text, VoiceGrantRequest.DEFAULT)),
                ForbiddenException.class, "forbidden");
        nothingIssued(v);
    }

    @Test
    void theConfigurationCheckComesBeforeThePublishLimiterAndTheEmptyGrant() {
        VoiceFixture v = new VoiceFixture(VoiceCapacity.SPEC, 60, 60, false);

        fails(() -> v.issue(v.member(), request(false, false)), UnavailableException.class, "voice_unavailable");
        fails(() -> v.issue(v.member(SystemRoleKey.MODERATOR), request(true, false, CAMERA)),
                UnavailableException.class, "voice_unavailable");
        assertThat(v.publishLimiter.size()).isZero();
    }

    @Test
    void aTokenGrantingNothingIs400_whetherNothingWasAskedOrEverythingAskedWasDenied() {
        VoiceFixture v = new VoiceFixture();
        UserId member = v.member();

        fails(() -> v.issue(member, request(false, false, MICROPHONE)), InvalidRequestException.class,
                "invalid_request");
        fails(() -> v.issue(member, request(true, false, CAMERA, SCREEN_SHARE)), InvalidRequestException.class,
                "invalid_request");
        v.denyToRole(v.voice.id(), SystemRoleKey.MEMBER, Permission.SUBSCRIBE_STREAMS);
        v.denyToRole(v.voice.id(), SystemRoleKey.EVERYONE, Permission.SUBSCRIBE_STREAMS);
        fails(() -> v.issue(member, request(false, true)), InvalidRequestException.class, "invalid_request");
        nothingIssued(v);
    }

    @Test
    void thePublishLimiterComesBeforeTheRegistryCapacity() {
        VoiceFixture v = new VoiceFixture(new VoiceCapacity(1, 1), 60, 1, true);
        UserId mod = v.member(SystemRoleKey.MODERATOR);
        v.issue(mod, request(true, false, CAMERA));
        v.useCases.leave().leave(new LeaveVoiceUseCase.LeaveVoiceCommand(mod, VoiceFixture.IP, v.guild.id(),
                v.voice.id()));
        v.issue(v.member(), VoiceGrantRequest.DEFAULT);
        fails(() -> v.issue(mod, VoiceGrantRequest.DEFAULT), ConflictException.class, "quota_exceeded");

        fails(() -> v.issue(mod, request(true, false, CAMERA)), RateLimitedException.class, "rate_limited");
    }

    @Test
    void aFullRegistryIs409QuotaExceeded_withNoTokenAuditOrEvent() {
        VoiceFixture v = new VoiceFixture(new VoiceCapacity(1, 1), 60, 60, true);
        v.issue(v.member(), VoiceGrantRequest.DEFAULT);
        v.events.clear();
        UserId late = v.member();

        fails(() -> v.issue(late, VoiceGrantRequest.DEFAULT), ConflictException.class, "quota_exceeded");

        assertThat(v.issuer.minted()).hasSize(1);
        assertThat(v.tokenAudits()).hasSize(1);
        assertThat(v.events.events()).isEmpty();
        assertThat(v.registry.participants(v.room())).extracting(VoiceParticipant::user).doesNotContain(late);
    }

    @Test
    void anExpiredSeatDoesNotCountAgainstCapacity() {
        VoiceFixture v = new VoiceFixture(new VoiceCapacity(1, 1), 60, 60, true);
        v.issue(v.member(), VoiceGrantRequest.DEFAULT);
        v.f.clock.advance(Duration.ofSeconds(301));
        UserId next = v.member();

        v.issue(next, VoiceGrantRequest.DEFAULT);

        assertThat(v.registry.participants(v.room())).extracting(VoiceParticipant::user).containsExactly(next);
        Instant now = v.f.clock.instant();
        assertThat(v.registry.participants(v.room()).getFirst().joinedAt()).isEqualTo(now);
    }
}
