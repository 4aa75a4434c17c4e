package dev.filament.application.gateway.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.gateway.port.in.GatewayCaller;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;
import dev.filament.domain.net.IpAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link GatewayConnections} (with the {@link GatewayEventPublisher} of the same gateway): {@code ready}
 * is frame 1, later frames carry consecutive {@code s}, closes send the right frame once, subscribe is idempotent and
 * reports presence. Run by the in-memory fake and, through an adapter, by the real fanout.
 */
public abstract class GatewayConnectionsContract {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ClientIp IP = new ClientIp(IpAddress.parse("203.0.113.7").orElseThrow(), ClientIp.Source.PEER);
    private static int sequence;

    private Gateway gateway;

    /** A fresh gateway with no connections, maximum 2 subscriptions per connection. */
    protected abstract Gateway newGateway();

    /** The port under test and the publisher that delivers to its connections. */
    protected interface Gateway extends AutoCloseable {
        GatewayConnections connections();

        GatewayEventPublisher publisher();

        @Override
        void close();
    }

    @BeforeEach
    void open() {
        gateway = newGateway();
    }

    @AfterEach
    void close() {
        gateway.close();
    }

    private static synchronized String ulid() {
        sequence++;
        return String.format("01K%023d", sequence);
    }

    private static GatewayCaller caller(UserId user) {
        return new GatewayCaller(user, new SessionId(ulid()), new ConnectionId(ulid()), IP);
    }

    private RecordingGatewaySocket connect(GatewayCaller caller) {
        RecordingGatewaySocket socket = new RecordingGatewaySocket();
        gateway.connections().connect(caller, Instant.now().plusSeconds(900), socket);
        return socket;
    }

    @Test
    void connect_sendsReadyWithTheUserAsFrameOne() throws Exception {
        UserId user = new UserId(ulid());
        RecordingGatewaySocket socket = connect(caller(user));

        assertThat(socket.awaitFrames(1, WAIT).getFirst()).matches(
                "\\{\"v\":1,\"t\":\"ready\",\"d\":\\{\"user_id\":\"" + user.value()
                        + "\",\"resume_key\":\"[A-Za-z0-9_-]{43}\"},\"s\":1}");
    }

    @Test
    void resumeWithAnUnknownKey_sendsInvalidSessionAsFrameOneThenReady() throws Exception {
        UserId user = new UserId(ulid());
        RecordingGatewaySocket socket = new RecordingGatewaySocket();
        gateway.connections().resume(caller(user), Instant.now().plusSeconds(900), socket,
                new ResumeRequest("A".repeat(43), 5));

        List<String> frames = socket.awaitFrames(2, WAIT);
        assertThat(frames.get(0)).isEqualTo("{\"v\":1,\"t\":\"invalid_session\",\"d\":{\"reason\":\"unknown\"},\"s\":1}");
        assertThat(frames.get(1)).startsWith("{\"v\":1,\"t\":\"ready\",\"d\":{\"user_id\":\"" + user.value())
                .endsWith("\"},\"s\":2}");
    }

    @Test
    void connectionScopedEvents_followReadyWithConsecutiveSequenceNumbers() throws Exception {
        GatewayCaller caller = caller(new UserId(ulid()));
        RecordingGatewaySocket socket = connect(caller);

        for (int i = 0; i < 3; i++) {
            gateway.publisher().publish(GatewayEvent.of("error", GatewayEvent.Scope.connection(caller.connection()),
                    "{\"n\":" + i + "}"));
        }

        assertThat(socket.awaitFrames(4, WAIT)).containsExactly(socket.frames().getFirst(),
                "{\"v\":1,\"t\":\"error\",\"d\":{\"n\":0},\"s\":2}",
                "{\"v\":1,\"t\":\"error\",\"d\":{\"n\":1},\"s\":3}",
                "{\"v\":1,\"t\":\"error\",\"d\":{\"n\":2},\"s\":4}");
    }

    @Test
    void disconnect_sendsOneCloseFrameWithTheFirstReason() throws Exception {
        GatewayCaller caller = caller(new UserId(ulid()));
        RecordingGatewaySocket socket = connect(caller);
        socket.awaitFrames(1, WAIT);

        gateway.connections().disconnect(caller.connection(), CloseReason.INGRESS_RATE_LIMITED);
        gateway.connections().disconnect(caller.connection(), CloseReason.INVALID_ENVELOPE);

        assertThat(socket.awaitEnding(WAIT)).isEqualTo("4408 ingress_rate_limited");
        gateway.publisher().publish(GatewayEvent.of("error", GatewayEvent.Scope.connection(caller.connection()),
                "{}"));
        assertThat(socket.frames()).hasSize(1);
    }

    @Test
    void heartbeatTimeout_abortsWithoutCloseFrame() throws Exception {
        GatewayCaller caller = caller(new UserId(ulid()));
        RecordingGatewaySocket socket = connect(caller);

        gateway.connections().disconnect(caller.connection(), CloseReason.HEARTBEAT_TIMEOUT);

        assertThat(socket.awaitEnding(WAIT)).isEqualTo("aborted");
    }

    @Test
    void disconnectOfAnUnknownConnection_isIgnoredAndLeavesOtherConnectionsOpen() throws Exception {
        GatewayCaller caller = caller(new UserId(ulid()));
        RecordingGatewaySocket socket = connect(caller);
        socket.awaitFrames(1, WAIT);

        gateway.connections().disconnect(new ConnectionId(ulid()), CloseReason.CLIENT_CLOSE);
        gateway.publisher().publish(GatewayEvent.of("error", GatewayEvent.Scope.connection(caller.connection()),
                "{\"n\":0}"));

        assertThat(socket.awaitFrames(2, WAIT)).element(1).isEqualTo("{\"v\":1,\"t\":\"error\",\"d\":{\"n\":0},\"s\":2}");
        assertThat(socket.ending()).isEmpty();
    }

    @Test
    void subscribe_isIdempotent_reportsTheFirstOnlineAndIsCapped() {
        UserId user = new UserId(ulid());
        GatewayCaller first = caller(user);
        GatewayCaller second = caller(user);
        connect(first);
        connect(second);
        GuildId guild = new GuildId(ulid());
        ChannelId channel = new ChannelId(ulid());
        GatewayConnections connections = gateway.connections();

        assertThat(connections.subscribe(first.connection(), guild, channel, connections.dropFence(first.user(), guild)))
                .isEqualTo(new GatewayConnections.SubscribeOutcome(GatewayConnections.SubscribeOutcome.Kind.SUBSCRIBED, true));
        assertThat(connections.subscribe(first.connection(), guild, channel, connections.dropFence(first.user(), guild)).kind())
                .isEqualTo(GatewayConnections.SubscribeOutcome.Kind.ALREADY_SUBSCRIBED);
        assertThat(connections.subscribe(second.connection(), guild, channel, connections.dropFence(second.user(), guild)).becameOnline()).isFalse();
        assertThat(connections.onlineUsers(guild)).containsExactly(user);
        connections.subscribe(first.connection(), guild, new ChannelId(ulid()), connections.dropFence(first.user(), guild));
        assertThat(connections.subscribe(first.connection(), guild, new ChannelId(ulid()), connections.dropFence(first.user(), guild)).kind())
                .isEqualTo(GatewayConnections.SubscribeOutcome.Kind.QUOTA_EXCEEDED);
        assertThat(connections.subscribe(new ConnectionId(ulid()), guild, channel, 0).kind())
                .isEqualTo(GatewayConnections.SubscribeOutcome.Kind.NOT_CONNECTED);
    }

    @Test
    void channelEvents_reachOnlySubscribedConnections() throws Exception {
        GatewayCaller subscriber = caller(new UserId(ulid()));
        GatewayCaller bystander = caller(new UserId(ulid()));
        RecordingGatewaySocket subscribed = connect(subscriber);
        RecordingGatewaySocket other = connect(bystander);
        GuildId guild = new GuildId(ulid());
        ChannelId channel = new ChannelId(ulid());
        gateway.connections().subscribe(subscriber.connection(), guild, channel, gateway.connections().dropFence(subscriber.user(), guild));

        gateway.publisher().publish(GatewayEvent.of("message_create", GatewayEvent.Scope.channel(guild, channel),
                "{\"x\":1}"));
        gateway.publisher().publish(GatewayEvent.of("error", GatewayEvent.Scope.connection(bystander.connection()),
                "{\"x\":2}"));

        assertThat(subscribed.awaitFrames(2, WAIT).get(1)).contains("\"t\":\"message_create\"").contains("\"s\":2");
        assertThat(other.awaitFrames(2, WAIT).get(1)).contains("\"x\":2");
        assertThat(other.frames()).noneMatch(f -> f.contains("message_create"));
    }
}
