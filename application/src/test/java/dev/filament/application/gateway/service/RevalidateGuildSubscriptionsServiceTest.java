package dev.filament.application.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.gateway.port.out.GatewaySubscriptions.Subscription;
import dev.filament.application.gateway.port.out.InMemoryGatewayConnections;
import dev.filament.application.gateway.port.out.RecordingGatewaySocket;
import dev.filament.application.gateway.port.in.RevalidateGuildSubscriptionsUseCase.RevalidationResult;
import dev.filament.application.guild.port.SimpleJsonSerializer;
import dev.filament.application.guild.port.out.AccessLoader;
import dev.filament.application.guild.service.GuildFixture;
import dev.filament.application.guild.service.GuildGraph;
import dev.filament.application.guild.service.GuildServices;
import dev.filament.application.gateway.port.in.GatewayCaller;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.application.voice.fakes.InMemoryVoiceRegistry;
import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceParticipant;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RevalidateGuildSubscriptionsServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final PermissionSet CREATE = PermissionSet.of(Permission.CREATE_MESSAGE);

    private final GuildFixture f = new GuildFixture();
    private final CountingAccessLoader loader = new CountingAccessLoader(f.store.access());
    private final GuildGraph graph = GuildGraph.of(loader.wrap(f.store), f.settings, f.ids, f.clock, f.handOffs,
            new SimpleJsonSerializer(), f.handOffs, f.handOffs, f.handOffs);
    private final InMemoryGatewayConnections gateway = new InMemoryGatewayConnections();
    private final InMemoryVoiceRegistry voice = new InMemoryVoiceRegistry(gateway);
    private final RevalidateGuildSubscriptionsService service =
            new RevalidateGuildSubscriptionsService(graph.ladder(), graph.store().access(),
                    graph.store().unitOfWork(), gateway, voice, graph.clock());

    private final UserId owner = f.newUser();
    private final Guild guild = f.newGuild(owner);
    private final Channel a = f.newChannel(guild.id());
    private final Channel b = f.newChannel(guild.id());

    @AfterEach
    void closeGateway() {
        gateway.close();
    }

    private GatewayCaller connect(UserId user, RecordingGatewaySocket socket, Channel... channels) {
        GatewayCaller caller = new GatewayCaller(user, f.ids.newSessionId(), f.ids.newConnectionId(), GuildFixture.IP);
        gateway.connect(caller, Instant.now().plusSeconds(900), socket);
        for (Channel c : channels) {
            gateway.subscribe(caller.connection(), guild.id(), c.id());
        }
        return caller;
    }

    private void setRolePermissions(Role role, PermissionSet permissions) {
        f.store.tx(() -> {
            f.store.roles().update(role.withPermissions(permissions));
            return null;
        });
    }

    private void allowMember(UserId user, Channel channel) {
        f.store.tx(() -> {
            f.store.channels().upsertOverride(guild.id(), channel.id(),
                    ChannelOverride.forMember(user, CREATE, PermissionSet.NONE), f.clock.instant());
            return null;
        });
    }

    private void publishTo(ChannelId channel, String marker) {
        gateway.publish(GatewayEvent.of("message_create", GatewayEvent.Scope.channel(guild.id(), channel),
                "{\"m\":\"" + marker + "\"}"));
    }

    @Test
    void losingCreateMessageThroughARole_dropsExactlyTheAffectedSubscriptionsAndVoiceParticipants() throws Exception {
        // only the custom role grants create_message at guild level; member overrides grant it per channel
        setRolePermissions(f.seeded(guild.id(), SystemRoleKey.EVERYONE), PermissionSet.NONE);
        setRolePermissions(f.seeded(guild.id(), SystemRoleKey.MEMBER), PermissionSet.NONE);
        Role writers = f.customRole(guild.id(), 5, Permission.CREATE_MESSAGE);
        UserId alice = f.newMember(guild.id());
        f.assign(guild.id(), writers, alice);
        allowMember(alice, b);
        UserId bob = f.newMember(guild.id(), SystemRoleKey.MODERATOR);
        UserId carol = f.newMember(guild.id());
        allowMember(carol, b);
        RecordingGatewaySocket aliceSocket = new RecordingGatewaySocket();
        RecordingGatewaySocket bobSocket = new RecordingGatewaySocket();
        GatewayCaller aliceConn = connect(alice, aliceSocket, a, b);
        GatewayCaller bobConn = connect(bob, bobSocket, a);
        GatewayCaller carolConn = connect(carol, new RecordingGatewaySocket(), b);
        VoiceRoom room = VoiceRoom.of(guild.id(), a.id());
        voice.issue(room.identityOf(alice), VoiceGrant.of(false), f.clock.instant(), f.clock.instant().plusSeconds(300));
        voice.issue(room.identityOf(bob), VoiceGrant.of(false), f.clock.instant(), f.clock.instant().plusSeconds(300));
        assertThat(service.revalidate(guild.id())).isEqualTo(new RevalidationResult(4, 0, 0));

        setRolePermissions(writers, PermissionSet.NONE);
        RevalidationResult result = service.revalidate(guild.id());
        publishTo(a.id(), "after-a");
        publishTo(b.id(), "after-b");

        assertThat(result).isEqualTo(new RevalidationResult(4, 1, 1));
        assertThat(gateway.subscriptionsIn(guild.id())).containsExactlyInAnyOrder(
                new Subscription(aliceConn.connection(), alice, guild.id(), b.id()),
                new Subscription(bobConn.connection(), bob, guild.id(), a.id()),
                new Subscription(carolConn.connection(), carol, guild.id(), b.id()));
        List<String> aliceFrames = aliceSocket.awaitFrames(5, WAIT);
        assertThat(aliceFrames).filteredOn(frame -> frame.contains("\"t\":\"unsubscribed\"")).singleElement()
                .asString().contains("\"channel_id\":\"" + a.id().value() + "\"").contains("\"reason\":\"permission\"");
        assertThat(aliceFrames).anyMatch(frame -> frame.contains("after-b")).noneMatch(frame -> frame.contains("after-a"));
        assertThat(bobSocket.awaitFrames(5, WAIT)).anyMatch(frame -> frame.contains("after-a"))
                .noneMatch(frame -> frame.contains("unsubscribed"));
        assertThat(voice.participants(room)).extracting(VoiceParticipant::user).containsExactly(bob);
    }

    @Test
    void aPassLoadsTheGuildOnceTheMembershipsInOneBatchAndEachChannelOnce_whateverTheNumberOfSubscriptions() {
        UserId alice = f.newMember(guild.id());
        UserId bob = f.newMember(guild.id());
        for (int i = 0; i < 3; i++) {
            connect(alice, new RecordingGatewaySocket(), a, b);
            connect(bob, new RecordingGatewaySocket(), a, b);
        }

        RevalidationResult result = service.revalidate(guild.id());

        assertThat(result).isEqualTo(new RevalidationResult(12, 0, 0));
        assertThat(loader.guildLoads()).isEqualTo(1);
        assertThat(loader.membershipBatches()).isEqualTo(1);
        assertThat(loader.membershipLoads()).isZero();
        assertThat(loader.channelLoads()).isEqualTo(2);
    }

    @Test
    void aCrowdedGuildLoadsItsMembershipsInBatchesOfTheBound_andDecidesEveryoneRight() throws Exception {
        int members = 2 * AccessLoader.MAX_BATCH + 5;
        UserId leaver = null;
        RecordingGatewaySocket leaverSocket = new RecordingGatewaySocket();
        for (int i = 0; i < members; i++) {
            UserId user = f.newMember(guild.id());
            if (i == members - 1) {
                leaver = user;
                connect(user, leaverSocket, a);
            } else {
                connect(user, new RecordingGatewaySocket(), a);
            }
        }
        UserId gone = leaver;
        f.store.tx(() -> f.store.members().delete(guild.id(), gone));

        RevalidationResult result = service.revalidate(guild.id());

        assertThat(result).isEqualTo(new RevalidationResult(members, 1, 0));
        assertThat(loader.membershipBatches()).isEqualTo(3);
        assertThat(loader.membershipLoads()).isZero();
        assertThat(gateway.subscriptionsIn(guild.id())).hasSize(members - 1)
                .noneMatch(s -> s.user().equals(gone));
        assertThat(leaverSocket.awaitFrames(2, WAIT).get(1)).contains("\"t\":\"unsubscribed\"");
    }

    @Test
    void formerMembersLoseTheirSubscriptions_theServerOwnerKeepsHisWithoutMembership() throws Exception {
        UserId serverOwner = f.ids.newUserId();
        GuildGraph ownerGraph = GuildGraph.of(loader.wrap(f.store), f.settings.withServerOwner(serverOwner), f.ids,
                f.clock, f.handOffs, new SimpleJsonSerializer(), f.handOffs, f.handOffs, f.handOffs);
        UserId leaver = f.newMember(guild.id());
        RecordingGatewaySocket leaverSocket = new RecordingGatewaySocket();
        connect(leaver, leaverSocket, a);
        connect(serverOwner, new RecordingGatewaySocket(), a);
        f.store.tx(() -> f.store.members().delete(guild.id(), leaver));

        RevalidationResult result = new RevalidateGuildSubscriptionsService(ownerGraph.ladder(),
                ownerGraph.store().access(), ownerGraph.store().unitOfWork(), gateway, voice, ownerGraph.clock())
                .revalidate(guild.id());

        assertThat(result).isEqualTo(new RevalidationResult(2, 1, 0));
        assertThat(gateway.subscriptionsIn(guild.id())).extracting(Subscription::user).containsExactly(serverOwner);
        assertThat(leaverSocket.awaitFrames(2, WAIT).get(1)).contains("\"t\":\"unsubscribed\"");
    }

    @Test
    void aGuildNobodyWatches_costsNoQuery() {
        assertThat(service.revalidate(guild.id())).isEqualTo(RevalidationResult.NOTHING);
        assertThat(loader.guildLoads() + loader.membershipLoads() + loader.channelLoads()).isZero();
    }
}
