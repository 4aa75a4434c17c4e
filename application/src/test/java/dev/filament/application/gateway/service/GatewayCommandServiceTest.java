package dev.filament.application.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher;
import dev.filament.application.gateway.port.out.RecordingGatewaySocket;
import dev.filament.application.guild.port.SimpleJsonSerializer;
import dev.filament.application.guild.service.GuildFixture;
import dev.filament.application.voice.service.VoiceEventPayloads;
import dev.filament.application.voice.service.SyncVoiceParticipantsService;
import dev.filament.application.gateway.port.in.GatewayCaller;
import dev.filament.application.gateway.port.out.InMemoryGatewayConnections;
import dev.filament.application.gateway.port.out.InMemorySubscriptionRevalidations;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.application.voice.fakes.RecordingVoiceSyncTelemetry;
import dev.filament.application.voice.fakes.InMemoryVoiceRegistry;
import dev.filament.application.voice.fakes.TestJson;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.application.gateway.port.out.GatewayConnections.SubscribeOutcome;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.error.RateLimitedException;
import dev.filament.domain.guild.ChannelKind;
import dev.filament.domain.guild.ChannelName;
import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.audit.AuditEntry;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.guild.ipban.IpBanSurface;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.Cidr;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceIdentity;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayCommandServiceTest {
    private final GuildFixture f = new GuildFixture();
    private final RecordingGatewayEventPublisher publisher = new RecordingGatewayEventPublisher();
    private final InMemoryGatewayConnections connections = new InMemoryGatewayConnections(2);
    private final InMemoryVoiceRegistry voice = new InMemoryVoiceRegistry(publisher);
    private final List<String> created = new ArrayList<>();
    private final InMemorySubscriptionRevalidations revalidations = new InMemorySubscriptionRevalidations();
    private final GatewayCommandService service = new GatewayCommandService(f.graph.ladder(),
            f.unitOfWork, connections, publisher, new SimpleJsonSerializer(),
            new SyncVoiceParticipantsService(voice, new VoiceEventPayloads(new TestJson()),
                    new RecordingVoiceSyncTelemetry(), f.clock),
            command -> {
                created.add(command.user() + "|" + command.guild() + "|" + command.channel() + "|"
                        + command.content() + "|" + command.surface().wire() + "|" + command.attachmentIds());
                return null;
            }, revalidations);

    private final UserId owner = f.newUser();
    private final Guild guild = f.newGuild(owner);
    private final Channel general = f.newChannel(guild.id());

    private GatewayCaller connected(UserId user) {
        GatewayCaller caller = new GatewayCaller(user, f.ids.newSessionId(), f.ids.newConnectionId(), GuildFixture.IP);
        connections.connect(caller, Instant.now().plusSeconds(900), new RecordingGatewaySocket());
        return caller;
    }

    private List<String> published() {
        return publisher.events().stream().map(e -> e.type() + "@" + e.scope().label() + " " + e.payloadJson())
                .toList();
    }

    private String ids(GuildId g, ChannelId c) {
        return "\"guild_id\":\"" + g.value() + "\",\"channel_id\":\"" + c.value() + "\"";
    }

    @Test
    void givenAMember_subscribe_sendsSubscribedPresenceSyncVoiceSyncToTheConnectionThenPresenceOnlineToTheGuild() {
        UserId member = f.newMember(guild.id());
        GatewayCaller caller = connected(member);

        service.subscribe(caller, guild.id(), general.id());

        String now = String.valueOf(f.clock.instant().getEpochSecond());
        assertThat(published()).containsExactly(
                "subscribed@connection {" + ids(guild.id(), general.id()) + "}",
                "presence_sync@connection {\"guild_id\":\"" + guild.id().value() + "\",\"user_ids\":[\""
                        + member.value() + "\"]}",
                "voice_participant_sync@connection {" + ids(guild.id(), general.id())
                        + ",\"participants\":[],\"synced_at_unix\":" + now + "}",
                "presence_update@guild {\"guild_id\":\"" + guild.id().value() + "\",\"user_id\":\"" + member.value()
                        + "\",\"status\":\"online\"}");
        assertThat(publisher.events().subList(0, 3)).extracting(GatewayEvent::scope)
                .containsOnly(GatewayEvent.Scope.connection(caller.connection()));
        assertThat(connections.onlineUsers(guild.id())).containsExactly(member);
    }

    @Test
    void repeatedOrFurtherSubscriptions_resendTheInitialStateButAnnounceOnlineOnlyOnce() {
        UserId member = f.newMember(guild.id());
        GatewayCaller caller = connected(member);
        Channel second = f.newChannel(guild.id());
        service.subscribe(caller, guild.id(), general.id());
        publisher.clear();

        service.subscribe(caller, guild.id(), general.id());
        service.subscribe(caller, guild.id(), second.id());
        service.subscribe(connected(member), guild.id(), general.id());

        assertThat(publisher.events()).extracting(GatewayEvent::type).containsExactly(
                "subscribed", "presence_sync", "voice_participant_sync",
                "subscribed", "presence_sync", "voice_participant_sync",
                "subscribed", "presence_sync", "voice_participant_sync");
    }

    @Test
    void presenceSync_listsEveryOnlineUserSortedWithTheSubscriberIncluded() {
        UserId first = f.newMember(guild.id());
        UserId second = f.newMember(guild.id());
        service.subscribe(connected(second), guild.id(), general.id());
        publisher.clear();

        service.subscribe(connected(first), guild.id(), general.id());

        assertThat(publisher.events("presence_sync").getFirst().payloadJson()).isEqualTo("{\"guild_id\":\""
                + guild.id().value() + "\",\"user_ids\":[\"" + first.value() + "\",\"" + second.value() + "\"]}");
        assertThat(publisher.events("presence_update")).extracting(GatewayEvent::payloadJson)
                .singleElement().asString().contains(first.value());
    }

    @Test
    void aRevalidationRequestedWhileTheSubscribeWasChecked_isRequestedAgainAfterTheSubscriptionIsRegistered() {
        UserId member = f.newMember(guild.id());
        GatewayCaller caller = connected(member);
        revalidations.onStamp(() -> revalidations.request(guild.id())); // a permission commit lands meanwhile

        service.subscribe(caller, guild.id(), general.id());

        assertThat(revalidations.requests()).containsExactly(guild.id(), guild.id());
    }

    @Test
    void withoutAConcurrentCommit_subscribeRequestsNoRevalidation() {
        GatewayCaller caller = connected(f.newMember(guild.id()));

        service.subscribe(caller, guild.id(), general.id());
        service.subscribe(caller, guild.id(), general.id());

        assertThat(revalidations.requests()).isEmpty();
    }

    @Test
    void unknownGuildOrChannel_isNotFound_andNothingIsSubscribedOrSent() {
        GatewayCaller caller = connected(owner);

        assertThatThrownBy(() -> service.subscribe(caller, f.ids.newGuildId(), general.id()))
                .isInstanceOf(NotFoundException.class).hasFieldOrPropertyWithValue("code", "not_found");
        assertThatThrownBy(() -> service.subscribe(caller, guild.id(), f.ids.newChannelId()))
                .isInstanceOf(NotFoundException.class).hasFieldOrPropertyWithValue("code", "not_found");
        Channel elsewhere = f.newChannel(f.newGuild(owner).id());
        assertThatThrownBy(() -> service.subscribe(caller, guild.id(), elsewhere.id()))
                .isInstanceOf(NotFoundException.class);

        assertThat(publisher.entries()).isEmpty();
        assertThat(connections.onlineUsers(guild.id())).isEmpty();
    }

    @Test
    void nonMemberOrMissingCreateMessage_isForbidden_andNothingIsSubscribedOrSent() {
        Channel hidden = f.newChannel(guild.id());
        f.store.tx(() -> {
            f.store.channels().upsertOverride(guild.id(), hidden.id(), ChannelOverride.forRole(
                    f.seeded(guild.id(), SystemRoleKey.EVERYONE).id(), PermissionSet.NONE,
                    PermissionSet.of(Permission.CREATE_MESSAGE)), f.clock.instant());
            return null;
        });
        UserId member = f.newMember(guild.id());

        assertThatThrownBy(() -> service.subscribe(connected(f.newUser()), guild.id(), general.id()))
                .isInstanceOf(ForbiddenException.class).hasFieldOrPropertyWithValue("code", "forbidden");
        assertThatThrownBy(() -> service.subscribe(connected(member), guild.id(), hidden.id()))
                .isInstanceOf(ForbiddenException.class).hasFieldOrPropertyWithValue("code", "forbidden");

        assertThat(publisher.entries()).isEmpty();
        assertThat(connections.onlineUsers(guild.id())).isEmpty();
    }

    @Test
    void ipBannedClient_isForbidden_writesTheHitAuditOnGatewaySubscribe_andSubscribesNothing() {
        UserId member = f.newMember(guild.id());
        f.store.tx(() -> {
            f.store.ipBans().insertAll(List.of(new IpBan(f.ids.newIpBanId(), guild.id(),
                    Cidr.parse("203.0.113.0/24").orElseThrow(), Optional.empty(), "", owner, f.clock.instant(),
                    Optional.empty())));
            return null;
        });

        assertThatThrownBy(() -> service.subscribe(connected(member), guild.id(), general.id()))
                .isInstanceOf(ForbiddenException.class).hasFieldOrPropertyWithValue("code", "forbidden");

        List<AuditEntry> hits = f.db.auditRows().stream()
                .filter(e -> e.action() == AuditAction.MODERATION_IP_BAN_HIT).toList();
        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.actor()).isEqualTo(member);
            assertThat(hit.target()).contains(member);
            assertThat(hit.details()).isEqualTo(new AuditDetails.IpBanHit("gateway.subscribe", "peer"));
        });
        assertThat(publisher.entries()).isEmpty();
        assertThat(connections.onlineUsers(guild.id())).isEmpty();
    }

    @Test
    void subscriptionQuota_isQuotaExceeded_andSendsNothingForTheRejectedChannel() {
        GatewayCaller caller = connected(owner);
        service.subscribe(caller, guild.id(), general.id());
        service.subscribe(caller, guild.id(), f.newChannel(guild.id()).id());
        publisher.clear();

        assertThatThrownBy(() -> service.subscribe(caller, guild.id(), f.newChannel(guild.id()).id()))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "quota_exceeded");
        assertThat(publisher.entries()).isEmpty();
    }

    @Test
    void connectionClosedMeanwhile_subscribeSendsNothingAndDoesNotFail() {
        GatewayCaller gone = new GatewayCaller(owner, f.ids.newSessionId(), f.ids.newConnectionId(), GuildFixture.IP);

        service.subscribe(gone, guild.id(), general.id());

        assertThat(publisher.entries()).isEmpty();
        assertThat(connections.onlineUsers(guild.id())).isEmpty();
    }

    @Test
    void voiceChannel_prunesExpiredParticipantsAndSyncsTheLiveOnes() {
        Channel room = new Channel(f.ids.newChannelId(), guild.id(), ChannelName.of("voice"), ChannelKind.VOICE,
                f.clock.instant());
        f.store.tx(() -> {
            f.store.channels().insert(room);
            return null;
        });
        VoiceRoom voiceRoom = VoiceRoom.of(guild.id(), room.id());
        VoiceIdentity expired = voiceRoom.identityOf(f.newMember(guild.id()));
        VoiceIdentity live = voiceRoom.identityOf(f.newMember(guild.id()));
        Instant t0 = f.clock.instant();
        voice.issue(expired, VoiceGrant.of(false), t0, t0.plusSeconds(300));
        voice.issue(live, VoiceGrant.of(false), t0, t0.plusSeconds(600));
        f.clock.set(t0.plusSeconds(400));
        publisher.clear();

        service.subscribe(connected(owner), guild.id(), room.id());

        assertThat(publisher.events()).extracting(GatewayEvent::type).containsExactly("subscribed",
                "presence_sync", "voice_participant_leave", "voice_participant_sync", "presence_update");
        assertThat(publisher.events("voice_participant_sync").getFirst().payloadJson())
                .contains(live.value()).doesNotContain(expired.value());
    }

    /** A service over {@code gateway}, otherwise wired like {@link #service}. */
    private GatewayCommandService serviceOver(dev.filament.application.gateway.port.out.GatewayConnections gateway) {
        return new GatewayCommandService(f.graph.ladder(), f.unitOfWork, gateway, publisher,
                new SimpleJsonSerializer(), new SyncVoiceParticipantsService(voice,
                        new VoiceEventPayloads(new TestJson()), new RecordingVoiceSyncTelemetry(), f.clock),
                command -> null, revalidations);
    }

    /**
     * Connections whose registration first runs {@code beforeRegistration} once: the moment between the subscribe's
     * access check and its registration, where #12 item 2's kick committed.
     */
    private dev.filament.application.gateway.port.out.GatewayConnections racing(Runnable beforeRegistration) {
        java.util.concurrent.atomic.AtomicBoolean fired = new java.util.concurrent.atomic.AtomicBoolean();
        return new dev.filament.application.gateway.port.out.GatewayConnections() {
            @Override
            public void connect(GatewayCaller caller, Instant exp,
                                dev.filament.application.gateway.port.out.GatewaySocket socket) {
                connections.connect(caller, exp, socket);
            }

            @Override
            public void resume(GatewayCaller caller, Instant exp,
                               dev.filament.application.gateway.port.out.GatewaySocket socket,
                               dev.filament.application.gateway.port.out.ResumeRequest request) {
                connections.resume(caller, exp, socket, request);
            }

            @Override
            public void disconnect(dev.filament.domain.id.ConnectionId id, dev.filament.domain.gateway.CloseReason r) {
                connections.disconnect(id, r);
            }

            @Override
            public long dropFence(UserId user, GuildId g) {
                return connections.dropFence(user, g);
            }

            @Override
            public SubscribeOutcome subscribe(dev.filament.domain.id.ConnectionId id, GuildId g, ChannelId c,
                                              long fence) {
                if (fired.compareAndSet(false, true)) {
                    beforeRegistration.run();
                }
                return connections.subscribe(id, g, c, fence);
            }

            @Override
            public List<UserId> onlineUsers(GuildId g) {
                return connections.onlineUsers(g);
            }
        };
    }

    @Test
    void aKickCommittedBetweenTheCheckAndTheRegistration_leavesNoSubscription_andAnswersForbidden() {
        UserId member = f.newMember(guild.id());
        GatewayCaller caller = connected(member);
        GatewayCommandService raced = serviceOver(racing(() -> {
            f.unitOfWork.inTransaction(() -> f.store.members().delete(guild.id(), member)); // the kick commits
            connections.dropSubscriptions(member, guild.id(), UnsubscribeReason.KICK);      // and its drop runs
        }));

        assertThatThrownBy(() -> raced.subscribe(caller, guild.id(), general.id()))
                .isInstanceOf(ForbiddenException.class);

        assertThat(connections.subscriptionsIn(guild.id())).isEmpty();
        assertThat(connections.onlineUsers(guild.id())).isEmpty();
        assertThat(publisher.events()).extracting(GatewayEvent::type).doesNotContain("subscribed", "presence_update");
    }

    @Test
    void aFenceMovedByAnotherPairsDrop_costsOneMoreCheck_andTheSubscribeSucceeds() {
        UserId member = f.newMember(guild.id());
        GatewayCaller caller = connected(member);
        GatewayCommandService raced = serviceOver(racing(
                () -> connections.dropSubscriptions(member, guild.id(), UnsubscribeReason.PERMISSION)));

        raced.subscribe(caller, guild.id(), general.id());

        assertThat(connections.subscriptionsIn(guild.id())).extracting(s -> s.user()).containsExactly(member);
        assertThat(publisher.events()).extracting(GatewayEvent::type).startsWith("subscribed");
    }

    @Test
    void messageCreate_goesThroughTheMessageUseCaseOnTheGatewaySurface_andSendsNothingDirectly() {
        GatewayCaller caller = connected(owner);

        service.createMessage(caller, guild.id(), general.id(), "hello", List.of());

        assertThat(created).containsExactly(owner + "|" + guild.id() + "|" + general.id() + "|hello|"
                + IpBanSurface.GATEWAY_MESSAGE_CREATE.wire() + "|[]");
        assertThat(publisher.entries()).isEmpty();
    }

    @Test
    void messageCreate_passesItsAttachmentIdsToTheMessageRules() {
        service.createMessage(connected(owner), guild.id(), general.id(), "", List.of("01ARZ3NDEKTSV4RRFFQ69G5FAV"));

        assertThat(created).containsExactly(owner + "|" + guild.id() + "|" + general.id() + "||"
                + IpBanSurface.GATEWAY_MESSAGE_CREATE.wire() + "|[01ARZ3NDEKTSV4RRFFQ69G5FAV]");
    }

    @Test
    void messageCreateFailure_reachesTheBindingWithTheUseCaseCode() {
        GatewayCommandService failing = new GatewayCommandService(f.graph.ladder(), f.unitOfWork,
                connections, publisher, new SimpleJsonSerializer(),
                new SyncVoiceParticipantsService(voice, new VoiceEventPayloads(new TestJson()),
                        new RecordingVoiceSyncTelemetry(), f.clock),
                command -> {
                    throw new RateLimitedException("message_create_user", 10, 10, 3);
                }, revalidations);

        assertThatThrownBy(() -> failing.createMessage(connected(owner), guild.id(), general.id(), "x", List.of()))
                .isInstanceOf(RateLimitedException.class);
        assertThat(publisher.entries()).isEmpty();
    }
}
