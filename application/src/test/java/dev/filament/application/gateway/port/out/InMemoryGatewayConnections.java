package dev.filament.application.gateway.port.out;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.gateway.port.in.GatewayCaller;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * In-memory gateway for binding tests: {@link GatewayConnections} plus the {@link GatewayEventPublisher} that
 * delivers to those connections, and the {@link GatewaySubscriptions} view of their subscriptions. Each connection writes on its own single virtual thread in queue order with
 * consecutive {@code s}, so a slow socket delays only itself; there are no queue bounds or presence events.
 */
public final class InMemoryGatewayConnections implements GatewayConnections, GatewayEventPublisher,
        GatewaySubscriptions, AutoCloseable {
    private final int maxSubscriptions;
    private final Map<ConnectionId, Conn> live = new ConcurrentHashMap<>();
    private final Map<ConnectionId, CloseReason> closed = new ConcurrentHashMap<>();
    private final Object closings = new Object();
    private final Map<String, Long> dropFences = new ConcurrentHashMap<>();

    public InMemoryGatewayConnections(int maxSubscriptions) {
        this.maxSubscriptions = maxSubscriptions;
    }

    public InMemoryGatewayConnections() {
        this(256);
    }

    @Override
    public void connect(GatewayCaller caller, Instant tokenExpiresAt, GatewaySocket socket) {
        Conn conn = new Conn(caller, socket);
        synchronized (conn) { // registered before ready can reach the client, and ready stays frame 1
            if (live.putIfAbsent(caller.connection(), conn) != null) {
                throw new IllegalStateException("connection already registered: " + caller.connection());
            }
            conn.send("ready", readyPayload(caller));
        }
    }

    /** The fake keeps no detached sessions: every resume is {@code unknown}, and a new session follows. */
    @Override
    public void resume(GatewayCaller caller, Instant tokenExpiresAt, GatewaySocket socket, ResumeRequest request) {
        Conn conn = new Conn(caller, socket);
        synchronized (conn) {
            if (live.putIfAbsent(caller.connection(), conn) != null) {
                throw new IllegalStateException("connection already registered: " + caller.connection());
            }
            conn.send("invalid_session", "{\"reason\":\"unknown\"}");
            conn.send("ready", readyPayload(caller));
        }
    }

    private static String readyPayload(GatewayCaller caller) {
        String key = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.nio.ByteBuffer.allocate(32).put(caller.connection().value().getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII), 0, 26).array());
        return "{\"user_id\":\"" + caller.user().value() + "\",\"resume_key\":\"" + key + "\"}";
    }

    @Override
    public void disconnect(ConnectionId connection, CloseReason reason) {
        Conn conn = live.remove(connection);
        if (conn != null) {
            synchronized (closings) {
                closed.putIfAbsent(connection, reason);
                closings.notifyAll();
            }
            conn.close(reason);
        }
    }

    @Override
    public long dropFence(UserId user, GuildId guild) {
        return dropFences.getOrDefault(user.value() + "/" + guild.value(), 0L);
    }

    /** Without a drop fence (callers that checked no access). */
    public SubscribeOutcome subscribe(ConnectionId connection, GuildId guild, ChannelId channel) {
        Conn conn = live.get(connection);
        return conn == null ? new SubscribeOutcome(SubscribeOutcome.Kind.NOT_CONNECTED, false)
                : subscribe(connection, guild, channel, dropFence(conn.caller.user(), guild));
    }

    @Override
    public SubscribeOutcome subscribe(ConnectionId connection, GuildId guild, ChannelId channel, long dropFence) {
        Conn conn = live.get(connection);
        if (conn == null) {
            return new SubscribeOutcome(SubscribeOutcome.Kind.NOT_CONNECTED, false);
        }
        synchronized (this) {
            if (dropFence(conn.caller.user(), guild) != dropFence) {
                return new SubscribeOutcome(SubscribeOutcome.Kind.FENCED, false);
            }
            Key key = new Key(guild, channel);
            if (conn.subscriptions.contains(key)) {
                return new SubscribeOutcome(SubscribeOutcome.Kind.ALREADY_SUBSCRIBED, false);
            }
            if (conn.subscriptions.size() >= maxSubscriptions) {
                return new SubscribeOutcome(SubscribeOutcome.Kind.QUOTA_EXCEEDED, false);
            }
            boolean wasOnline = onlineUsers(guild).contains(conn.caller.user());
            conn.subscriptions.add(key);
            return new SubscribeOutcome(SubscribeOutcome.Kind.SUBSCRIBED, !wasOnline);
        }
    }

    @Override
    public synchronized List<UserId> onlineUsers(GuildId guild) {
        return live.values().stream().filter(c -> c.inGuild(guild)).map(c -> c.caller.user()).distinct().sorted()
                .toList();
    }

    @Override
    public void publish(GatewayEvent event) {
        for (Conn conn : live.values()) {
            if (conn.admits(event.scope())) {
                conn.send(event.type(), event.payloadJson());
            }
        }
    }

    @Override
    public synchronized void dropSubscriptions(UserId user, GuildId guild, UnsubscribeReason reason) {
        dropFences.merge(user.value() + "/" + guild.value(), 1L, Long::sum);
        for (Conn conn : live.values()) {
            if (conn.caller.user().equals(user)) {
                conn.subscriptions.removeIf(k -> k.guild().equals(guild));
            }
        }
    }

    @Override
    public void closeSession(SessionId session, CloseReason reason) {
        live.values().stream().filter(c -> c.caller.session().equals(session)).toList()
                .forEach(c -> disconnect(c.caller.connection(), reason));
    }

    @Override
    public synchronized List<Subscription> subscriptionsIn(GuildId guild) {
        return live.values().stream().flatMap(c -> c.subscriptions.stream().filter(k -> k.guild().equals(guild))
                .map(k -> new Subscription(c.caller.connection(), c.caller.user(), guild, k.channel()))).toList();
    }

    @Override
    public void dropSubscription(ConnectionId connection, GuildId guild, ChannelId channel, UnsubscribeReason reason) {
        Conn conn = live.get(connection);
        if (conn == null) {
            return;
        }
        synchronized (this) {
            if (!conn.subscriptions.remove(new Key(guild, channel))) {
                return;
            }
        }
        conn.send("unsubscribed", "{\"guild_id\":\"" + guild.value() + "\",\"channel_id\":\"" + channel.value()
                + "\",\"reason\":\"" + reason.wire() + "\"}");
    }

    /** The reason a connection was closed with, once it was. */
    public Optional<CloseReason> closeReason(ConnectionId connection) {
        return Optional.ofNullable(closed.get(connection));
    }

    /** Every connection closed so far, with its reason. */
    public Map<ConnectionId, CloseReason> closedConnections() {
        return Map.copyOf(closed);
    }

    /** Waits up to {@code timeout} for the connection to be closed; the reason, or empty on timeout. */
    public Optional<CloseReason> awaitCloseReason(ConnectionId connection, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (closings) {
            long left;
            while (!closed.containsKey(connection) && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(closings, left);
            }
            return closeReason(connection);
        }
    }

    public Set<ConnectionId> connected() {
        return Set.copyOf(live.keySet());
    }

    @Override
    public void close() {
        List.copyOf(live.keySet()).forEach(id -> disconnect(id, CloseReason.SERVER_SHUTDOWN));
    }

    private record Key(GuildId guild, ChannelId channel) {
    }

    // One connection: its writer executes sends in submission order; sequence numbers are taken in that order too.
    private static final class Conn {
        final GatewayCaller caller;
        final GatewaySocket socket;
        final Set<Key> subscriptions = ConcurrentHashMap.newKeySet();
        final ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
        long sequence;
        boolean closing;

        Conn(GatewayCaller caller, GatewaySocket socket) {
            this.caller = caller;
            this.socket = socket;
        }

        synchronized void send(String type, String payload) {
            if (closing) {
                return;
            }
            String frame = "{\"v\":1,\"t\":\"" + type + "\",\"d\":" + payload + ",\"s\":" + (++sequence) + "}";
            writer.execute(() -> {
                try {
                    socket.sendText(frame);
                } catch (IOException e) {
                    socket.abort();
                }
            });
        }

        synchronized void close(CloseReason reason) {
            closing = true;
            writer.execute(() -> {
                if (reason.sendsCloseFrame()) {
                    socket.close(reason.code(), reason.reason());
                } else {
                    socket.abort();
                }
            });
            writer.shutdown();
        }

        boolean inGuild(GuildId guild) {
            return subscriptions.stream().anyMatch(k -> k.guild().equals(guild));
        }

        synchronized boolean admits(GatewayEvent.Scope scope) {
            return switch (scope) {
                case GatewayEvent.Scope.Connection c -> c.connection().equals(caller.connection());
                case GatewayEvent.Scope.User u -> u.user().equals(caller.user());
                case GatewayEvent.Scope.Channel c -> subscriptions.contains(new Key(c.guild(), c.channel()));
                case GatewayEvent.Scope.Guild g -> inGuild(g.guild()) && g.admits(caller.user());
            };
        }
    }
}
