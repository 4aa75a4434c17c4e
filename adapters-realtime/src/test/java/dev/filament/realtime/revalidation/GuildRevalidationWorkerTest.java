package dev.filament.realtime.revalidation;

import dev.filament.application.guild.port.SimpleJsonSerializer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.testing.Eventually;
import dev.filament.application.gateway.port.out.NoopGatewayMetrics;
import dev.filament.application.gateway.port.out.RecordingGatewaySocket;
import dev.filament.application.gateway.service.CountingAccessLoader;
import dev.filament.application.gateway.service.RevalidateGuildSubscriptionsService;
import dev.filament.application.gateway.port.in.RevalidateGuildSubscriptionsUseCase.RevalidationResult;
import dev.filament.application.guild.port.in.RoleCommand;
import dev.filament.application.guild.port.in.UpdateRoleUseCase.Absent;
import dev.filament.application.guild.port.in.UpdateRoleUseCase.UpdateRoleCommand;
import dev.filament.application.guild.service.GuildFixture;
import dev.filament.application.guild.service.GuildGraph;
import dev.filament.application.guild.service.GuildServices;
import dev.filament.application.guild.service.UpdateRoleService;
import dev.filament.application.voice.service.VoiceEventPayloads;
import dev.filament.application.voice.fakes.TestJson;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.application.gateway.port.in.GatewayCaller;
import dev.filament.domain.guild.access.ChannelOverride;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceParticipant;
import dev.filament.domain.voice.VoiceRoom;
import dev.filament.realtime.GatewayFanout;
import dev.filament.realtime.GatewayLimits;
import dev.filament.realtime.voice.LocalVoiceRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GuildRevalidationWorkerTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final GuildFixture f = new GuildFixture();
    private final CountingAccessLoader loader = new CountingAccessLoader(f.store.access());
    private final GatewayFanout fanout = new GatewayFanout(GatewayLimits.defaults(), new NoopGatewayMetrics(),
            user -> { }, new SimpleJsonSerializer());
    private final LocalVoiceRegistry voice = new LocalVoiceRegistry(fanout,
            new VoiceEventPayloads(new TestJson()));
    private final GuildRevalidationWorker worker = new GuildRevalidationWorker(voice, f.clock);
    // wired as bootstrap would: the guild services hand their revalidations to the worker, which reads through them
    private final GuildGraph graph = GuildGraph.of(loader.wrap(f.store), f.settings, f.ids, f.clock, fanout,
            new SimpleJsonSerializer(), worker, worker, f.handOffs);
    private final RevalidateGuildSubscriptionsService passes =
            new RevalidateGuildSubscriptionsService(graph.ladder(), graph.store().access(),
                    graph.store().unitOfWork(), fanout, voice, graph.clock());

    private final UserId owner = f.newUser();
    private final Guild guild = f.newGuild(owner);
    private final Channel a = f.newChannel(guild.id());
    private final Channel b = f.newChannel(guild.id());

    GuildRevalidationWorkerTest() {
        fanout.start();
    }

    @AfterEach
    void close() {
        loader.release();
        worker.close();
        fanout.close();
    }

    private GatewayCaller connect(UserId user, RecordingGatewaySocket socket, Channel... channels) {
        GatewayCaller caller = new GatewayCaller(user, f.ids.newSessionId(), f.ids.newConnectionId(), GuildFixture.IP);
        fanout.connect(caller, Instant.now().plusSeconds(900), socket);
        for (Channel c : channels) {
            fanout.subscribe(caller.connection(), guild.id(), c.id());
        }
        return caller;
    }

    private void setPermissions(Role role, PermissionSet permissions) {
        f.store.tx(() -> {
            f.store.roles().update(role.withPermissions(permissions));
            return null;
        });
    }

    private void publish(Channel channel, String marker) {
        fanout.publish(GatewayEvent.of("message_create", GatewayEvent.Scope.channel(guild.id(), channel.id()),
                "{\"m\":\"" + marker + "\"}"));
    }

    private static List<String> types(List<String> frames) {
        return frames.stream().map(frame -> frame.replaceFirst("^\\{\"v\":1,\"t\":\"([a-z0-9_.]+)\".*$", "$1"))
                .toList();
    }

    @Test
    void removingCreateMessageFromARole_dropsExactlyTheAffectedSubscriptions_othersKeepReceiving() throws Exception {
        setPermissions(f.seeded(guild.id(), SystemRoleKey.EVERYONE), PermissionSet.NONE);
        setPermissions(f.seeded(guild.id(), SystemRoleKey.MEMBER), PermissionSet.NONE);
        Role writers = f.customRole(guild.id(), 5, Permission.CREATE_MESSAGE);
        UserId alice = f.newMember(guild.id());
        f.assign(guild.id(), writers, alice);
        f.store.tx(() -> {
            f.store.channels().upsertOverride(guild.id(), b.id(), ChannelOverride.forMember(alice,
                    PermissionSet.of(Permission.CREATE_MESSAGE), PermissionSet.NONE), f.clock.instant());
            return null;
        });
        UserId bob = f.newMember(guild.id(), SystemRoleKey.MODERATOR);
        RecordingGatewaySocket aliceSocket = new RecordingGatewaySocket();
        RecordingGatewaySocket bobSocket = new RecordingGatewaySocket();
        connect(alice, aliceSocket, a, b);
        connect(bob, bobSocket, a);
        VoiceRoom room = VoiceRoom.of(guild.id(), a.id());
        voice.issue(room.identityOf(alice), VoiceGrant.of(false), f.clock.instant(), f.clock.instant().plusSeconds(300));
        voice.issue(room.identityOf(bob), VoiceGrant.of(false), f.clock.instant(), f.clock.instant().plusSeconds(300));
        worker.start(passes);

        graph.updateRole().update(new UpdateRoleCommand(new RoleCommand(owner, guild.id(), writers.id()),
                Optional.empty(), Optional.of(PermissionSet.NONE), new Absent()));
        Eventually.until("the pass after the commit", WAIT,
                () -> worker.completedPasses() >= 1 && worker.pendingGuilds() == 0);
        publish(a, "after-a");
        publish(b, "after-b");

        List<String> aliceFrames = aliceSocket.awaitFrames(6, WAIT);
        assertThat(types(aliceFrames)).containsExactly("ready", "voice_participant_join", "voice_participant_join",
                "workspace_role_update", "unsubscribed", "message_create");
        assertThat(aliceFrames.get(4)).contains("\"channel_id\":\"" + a.id().value() + "\"")
                .contains("\"reason\":\"permission\"");
        assertThat(aliceFrames.get(5)).contains("after-b");
        List<String> bobFrames = bobSocket.awaitFrames(6, WAIT);
        assertThat(types(bobFrames)).containsExactly("ready", "voice_participant_join", "voice_participant_join",
                "workspace_role_update", "voice_participant_leave", "message_create");
        assertThat(bobFrames.get(4)).contains(alice.value());
        assertThat(bobFrames.get(5)).contains("after-a");
        assertThat(fanout.subscriptionsIn(guild.id())).hasSize(2);
        assertThat(voice.participants(room)).extracting(VoiceParticipant::user).containsExactly(bob);
        assertThat(worker.failedPasses()).isZero();
    }

    @Test
    void aBurstOfRequestsBeforeThePassStarts_coalescesIntoOnePass() {
        connect(owner, new RecordingGatewaySocket(), a);

        for (int i = 0; i < 100; i++) {
            worker.enqueue(guild.id());
            worker.reevaluate(guild.id());
        }
        worker.start(passes);
        Eventually.until("the pass", WAIT, () -> worker.completedPasses() >= 1);

        assertThat(worker.pendingGuilds()).isZero();
        assertThat(worker.completedPasses()).isEqualTo(1);
        assertThat(loader.guildLoads()).isEqualTo(1);
    }

    @Test
    void aBurstDuringAPass_costsExactlyOneMorePass() throws Exception {
        connect(owner, new RecordingGatewaySocket(), a);
        loader.wedge();
        worker.start(passes);
        worker.enqueue(guild.id());
        assertThat(loader.awaitEntered(5)).isTrue();

        for (int i = 0; i < 100; i++) {
            worker.enqueue(guild.id());
        }
        loader.release();
        Eventually.until("the second pass", WAIT, () -> worker.completedPasses() >= 2);

        assertThat(worker.pendingGuilds()).isZero();
        assertThat(loader.guildLoads()).isEqualTo(2);
        assertThat(worker.completedPasses()).isEqualTo(2);
    }

    @Test
    void aWedgedAccessLoader_neverBlocksTheCallersOfTheHandOffs() throws Exception {
        connect(owner, new RecordingGatewaySocket(), a);
        loader.wedge();
        worker.start(passes);
        worker.enqueue(guild.id());
        assertThat(loader.awaitEntered(5)).isTrue();

        // 3,000 in-memory hand-offs take milliseconds; the bound only separates "returned" from "blocked on the pass"
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 1_000; i++) {
                worker.enqueue(guild.id());
                worker.reevaluate(f.ids.newGuildId());
                worker.removeFromGuild(owner, guild.id());
            }
        });

        assertThat(worker.pendingGuilds()).isEqualTo(1_001);
        assertThat(worker.completedPasses()).isZero();
    }

    @Test
    void aFailingPassIsLogged_andTheWorkerGoesOnWithTheNextGuild() {
        GuildId broken = f.ids.newGuildId();
        GuildId erroring = f.ids.newGuildId();
        GuildId healthy = f.ids.newGuildId();
        List<GuildId> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        worker.enqueue(broken);
        worker.enqueue(erroring);
        worker.enqueue(healthy);

        worker.start(g -> {
            ran.add(g);
            if (g.equals(broken)) {
                throw new IllegalStateException("database down for the test");
            }
            if (g.equals(erroring)) {
                throw new AssertionError("an error for the test");
            }
            return RevalidationResult.NOTHING;
        });
        Eventually.until("three passes", WAIT, () -> worker.completedPasses() >= 3);

        assertThat(ran).containsExactly(broken, erroring, healthy);
        assertThat(worker.failedPasses()).isEqualTo(2);
    }

    @Test
    void removeFromGuild_takesTheUserOutOfEveryVoiceChannelOfThatGuildAtOnce() {
        UserId member = f.newMember(guild.id());
        VoiceRoom room = VoiceRoom.of(guild.id(), a.id());
        VoiceRoom elsewhere = VoiceRoom.of(f.ids.newGuildId(), f.ids.newChannelId());
        voice.issue(room.identityOf(member), VoiceGrant.of(false), f.clock.instant(),
                f.clock.instant().plusSeconds(300));
        voice.issue(elsewhere.identityOf(owner), VoiceGrant.of(false), f.clock.instant(),
                f.clock.instant().plusSeconds(300));

        worker.removeFromGuild(member, guild.id());

        assertThat(voice.participants(room)).isEmpty();
        assertThat(voice.participants(elsewhere)).hasSize(1);
    }

    @Test
    void aPassForAnotherNodesCommit_leavesVoiceToThatNode_aLocalOneReevaluatesIt() {
        UserId stranger = f.newUser(); // not a member: a voice re-evaluation removes them
        VoiceRoom room = VoiceRoom.of(guild.id(), a.id());
        voice.issue(room.identityOf(stranger), VoiceGrant.of(false), f.clock.instant(),
                f.clock.instant().plusSeconds(300));
        worker.start(passes);

        worker.enqueueSubscriptionsOnly(guild.id());
        Eventually.until("the remote pass", WAIT, () -> worker.completedPasses() >= 1);
        assertThat(voice.participants(room)).hasSize(1);

        worker.enqueue(guild.id());
        Eventually.until("the local pass", WAIT, () -> worker.completedPasses() >= 2);
        assertThat(voice.participants(room)).isEmpty();
    }
}
