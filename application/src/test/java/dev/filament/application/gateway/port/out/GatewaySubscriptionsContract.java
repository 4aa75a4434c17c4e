package dev.filament.application.gateway.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.gateway.port.in.GatewayCaller;
import dev.filament.application.gateway.port.out.GatewaySubscriptions.Subscription;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.ClientIp;
import dev.filament.domain.net.IpAddress;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link GatewaySubscriptions} (with the connections and publisher of the same gateway): the guild
 * snapshot lists exactly that guild's subscriptions, and a drop revokes exactly one subscription behind the events
 * handed off before it, telling that connection {@code unsubscribed}. Run by the in-memory fake and the real fanout.
 */
public abstract class GatewaySubscriptionsContract {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ClientIp IP = new ClientIp(IpAddress.parse("203.0.113.9").orElseThrow(), ClientIp.Source.PEER);
    private static int sequence;

    private Gateway gateway;

    /** A fresh gateway with no connections. */
    protected abstract Gateway newGateway();

    /** The port under test with the connections and publisher of the same gateway. */
    protected interface Gateway extends AutoCloseable {
        GatewayConnections connections();

        GatewayEventPublisher publisher();

        GatewaySubscriptions subscriptions();

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
        return String.format("01M%023d", sequence);
    }

    private GatewayCaller connect(UserId user, RecordingGatewaySocket socket) {
        GatewayCaller caller = new GatewayCaller(user, new SessionId(ulid()), new ConnectionId(ulid()), IP);
        gateway.connections().connect(caller, Instant.now().plusSeconds(900), socket);
        return caller;
    }

    private void publishTo(GuildId guild, ChannelId channel, int n) {
        gateway.publisher().publish(GatewayEvent.of("message_create", GatewayEvent.Scope.channel(guild, channel),
                "{\"n\":" + n + "}"));
    }

    @Test
    void subscriptionsIn_listsExactlyTheSubscriptionsOfThatGuild() {
        UserId alice = new UserId(ulid());
        UserId bob = new UserId(ulid());
        GatewayCaller a = connect(alice, new RecordingGatewaySocket());
        GatewayCaller b = connect(bob, new RecordingGatewaySocket());
        GuildId guild = new GuildId(ulid());
        GuildId other = new GuildId(ulid());
        ChannelId c1 = new ChannelId(ulid());
        ChannelId c2 = new ChannelId(ulid());
        gateway.connections().subscribe(a.connection(), guild, c1, gateway.connections().dropFence(a.user(), guild));
        gateway.connections().subscribe(a.connection(), guild, c2, gateway.connections().dropFence(a.user(), guild));
        gateway.connections().subscribe(b.connection(), guild, c1, gateway.connections().dropFence(b.user(), guild));
        gateway.connections().subscribe(b.connection(), other, c2, gateway.connections().dropFence(b.user(), other));

        assertThat(gateway.subscriptions().subscriptionsIn(guild)).containsExactlyInAnyOrder(
                new Subscription(a.connection(), alice, guild, c1), new Subscription(a.connection(), alice, guild, c2),
                new Subscription(b.connection(), bob, guild, c1));
        assertThat(gateway.subscriptions().subscriptionsIn(new GuildId(ulid()))).isEmpty();
    }

    @Test
    void dropSubscription_revokesOnlyThatSubscriptionBehindEarlierEvents() throws Exception {
        RecordingGatewaySocket socket = new RecordingGatewaySocket();
        GatewayCaller caller = connect(new UserId(ulid()), socket);
        GuildId guild = new GuildId(ulid());
        ChannelId dropped = new ChannelId(ulid());
        ChannelId kept = new ChannelId(ulid());
        gateway.connections().subscribe(caller.connection(), guild, dropped, gateway.connections().dropFence(caller.user(), guild));
        gateway.connections().subscribe(caller.connection(), guild, kept, gateway.connections().dropFence(caller.user(), guild));

        publishTo(guild, dropped, 1);
        gateway.subscriptions().dropSubscription(caller.connection(), guild, dropped, UnsubscribeReason.PERMISSION);
        publishTo(guild, dropped, 2);
        publishTo(guild, kept, 3);

        assertThat(socket.awaitFrames(4, WAIT)).containsExactly(socket.frames().getFirst(),
                "{\"v\":1,\"t\":\"message_create\",\"d\":{\"n\":1},\"s\":2}",
                "{\"v\":1,\"t\":\"unsubscribed\",\"d\":{\"guild_id\":\"" + guild.value() + "\",\"channel_id\":\""
                        + dropped.value() + "\",\"reason\":\"permission\"},\"s\":3}",
                "{\"v\":1,\"t\":\"message_create\",\"d\":{\"n\":3},\"s\":4}");
        assertThat(gateway.subscriptions().subscriptionsIn(guild)).extracting(Subscription::channel)
                .containsExactly(kept);
    }

    @Test
    void dropOfASubscriptionNotHeld_sendsNothing() throws Exception {
        RecordingGatewaySocket socket = new RecordingGatewaySocket();
        GatewayCaller caller = connect(new UserId(ulid()), socket);
        GuildId guild = new GuildId(ulid());
        ChannelId channel = new ChannelId(ulid());
        gateway.connections().subscribe(caller.connection(), guild, channel, gateway.connections().dropFence(caller.user(), guild));

        gateway.subscriptions().dropSubscription(caller.connection(), guild, new ChannelId(ulid()),
                UnsubscribeReason.PERMISSION);
        gateway.subscriptions().dropSubscription(new ConnectionId(ulid()), guild, channel,
                UnsubscribeReason.PERMISSION);
        publishTo(guild, channel, 7);

        assertThat(socket.awaitFrames(2, WAIT).get(1)).contains("\"t\":\"message_create\"").contains("\"s\":2");
        assertThat(socket.frames()).noneMatch(f -> f.contains("unsubscribed"));
    }
}
