package dev.filament.realtime;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.gateway.port.out.GatewayConnections.SubscribeOutcome;
import dev.filament.application.gateway.port.out.GatewaySubscriptions.Subscription;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway registry (SPEC 9.7, 9.8): connections, (guild, channel) subscribers, guild subscribers, connections per
 * user and per session, and per-(guild, user) presence counters.
 *
 * <p>Concurrency: every index is a concurrent map changed atomically per key; changes of one connection (subscribe,
 * drop, unregister) run under that connection's own monitor, so they are atomic per connection while different
 * connections never contend. Nothing here publishes, sends or waits: callers act on the returned results after the
 * registry is consistent again. Readers (the dispatcher) iterate live views without locks.
 */
public final class SessionRegistry {
    private final int maxSubscriptions;
    private final ConcurrentHashMap<ConnectionId, Member> connections = new ConcurrentHashMap<>();
    private final SessionIndex<ChannelKey> channels = new SessionIndex<>();
    private final SessionIndex<UserId> users = new SessionIndex<>();
    private final SessionIndex<SessionId> sessions = new SessionIndex<>();
    private final CountIndex<GuildId, ConnectionSession> guildSubscribers = new CountIndex<>();
    private final CountIndex<GuildId, UserId> presence = new CountIndex<>();
    private final DropFences dropFences = new DropFences();

    public SessionRegistry(int maxSubscriptions) {
        this.maxSubscriptions = maxSubscriptions;
    }

    /** Registers a new connection; its id must be unused. */
    void register(ConnectionSession session) {
        if (connections.putIfAbsent(session.id(), new Member(session)) != null) {
            throw new IllegalStateException("connection already registered: " + session.id());
        }
        users.add(session.user(), session);
        sessions.add(session.session(), session);
    }

    /** Adds a subscription without a drop fence (callers that checked no access: tests, tooling). */
    public SubscribeOutcome subscribe(ConnectionId id, GuildId guild, ChannelId channel) {
        Member member = connections.get(id);
        return member == null ? new SubscribeOutcome(SubscribeOutcome.Kind.NOT_CONNECTED, false)
                : subscribe(id, guild, channel, dropFences.read(member.session.user(), guild));
    }

    /** The drop fence of ({@code user}, {@code guild}), read before a subscribe's access check. */
    public long dropFence(UserId user, GuildId guild) {
        return dropFences.read(user, guild);
    }

    /**
     * Moves the drop fence of ({@code user}, {@code guild}); the caller then hands off the drop itself. A subscribe
     * holding the connection's monitor either compared the fence before this move (its subscription is then in place
     * when the later drop takes the same monitor, and is removed) or after it (and is refused as fenced).
     */
    void fenceDrop(UserId user, GuildId guild) {
        dropFences.move(user, guild);
    }

    /**
     * Adds a subscription (idempotent, capped per connection) and reports whether its user became online in G;
     * refused as {@code FENCED} when the drop fence read before the caller's access check has moved since.
     */
    public SubscribeOutcome subscribe(ConnectionId id, GuildId guild, ChannelId channel, long dropFence) {
        Member member = connections.get(id);
        if (member == null) {
            return new SubscribeOutcome(SubscribeOutcome.Kind.NOT_CONNECTED, false);
        }
        ChannelKey key = new ChannelKey(guild, channel);
        synchronized (member) {
            if (member.removed) {
                return new SubscribeOutcome(SubscribeOutcome.Kind.NOT_CONNECTED, false);
            }
            if (dropFences.read(member.session.user(), guild) != dropFence) {
                return new SubscribeOutcome(SubscribeOutcome.Kind.FENCED, false);
            }
            if (member.subscriptions.contains(key)) {
                return new SubscribeOutcome(SubscribeOutcome.Kind.ALREADY_SUBSCRIBED, false);
            }
            if (member.subscriptions.size() >= maxSubscriptions) {
                return new SubscribeOutcome(SubscribeOutcome.Kind.QUOTA_EXCEEDED, false);
            }
            member.subscriptions.add(key);
            ConnectionSession s = member.session;
            channels.add(key, s);
            boolean firstInGuild = guildSubscribers.adjust(guild, s, 1) == 1;
            return new SubscribeOutcome(SubscribeOutcome.Kind.SUBSCRIBED, firstInGuild && presence.adjust(guild, s.user(), 1) == 1);
        }
    }

    /** Removes the connection's subscriptions in {@code guild}; reports them and whether its user went offline. */
    GuildDrop dropSubscriptions(ConnectionSession session, GuildId guild) {
        Member member = connections.get(session.id());
        if (member == null || member.session != session) {
            return GuildDrop.NONE;
        }
        synchronized (member) {
            if (member.removed) {
                return GuildDrop.NONE;
            }
            List<ChannelId> removed = new ArrayList<>();
            member.subscriptions.removeIf(key -> {
                if (!key.guild().equals(guild)) {
                    return false;
                }
                channels.remove(key, session);
                removed.add(key.channel());
                return true;
            });
            removed.sort(null);
            return new GuildDrop(removed, leaveGuild(session, guild));
        }
    }

    /** Removes one subscription of the connection; reports it (when it was held) and whether its user went offline. */
    GuildDrop dropSubscription(ConnectionSession session, GuildId guild, ChannelId channel) {
        Member member = connections.get(session.id());
        if (member == null || member.session != session) {
            return GuildDrop.NONE;
        }
        ChannelKey key = new ChannelKey(guild, channel);
        synchronized (member) {
            if (member.removed || !member.subscriptions.remove(key)) {
                return GuildDrop.NONE;
            }
            channels.remove(key, session);
            // the guild counter holds one unit per subscription of this connection in the guild
            boolean leftGuild = guildSubscribers.adjust(guild, session, -1) == 0;
            boolean offline = leftGuild && presence.adjust(guild, session.user(), -1) == 0;
            return new GuildDrop(List.of(channel), offline);
        }
    }

    /**
     * A weakly consistent snapshot of the guild's subscriptions: visits only the connections subscribed in the guild
     * and each one's own subscriptions, under that connection's monitor.
     */
    public List<Subscription> subscriptionsIn(GuildId guild) {
        List<Subscription> out = new ArrayList<>();
        for (ConnectionSession session : guildSubscribers.members(guild)) {
            Member member = connections.get(session.id());
            if (member == null || member.session != session) {
                continue;
            }
            synchronized (member) {
                if (member.removed) {
                    continue;
                }
                for (ChannelKey key : member.subscriptions) {
                    if (key.guild().equals(guild)) {
                        out.add(new Subscription(session.id(), session.user(), guild, key.channel()));
                    }
                }
            }
        }
        return out;
    }

    /** Removes the connection and all its subscriptions; reports what its departure changed. */
    Departure unregister(ConnectionSession session) {
        Member member = connections.get(session.id());
        if (member == null || member.session != session || !connections.remove(session.id(), member)) {
            return Departure.NONE;
        }
        Set<GuildId> offline = new TreeSet<>();
        synchronized (member) {
            member.removed = true;
            Set<GuildId> guilds = new HashSet<>();
            for (ChannelKey key : member.subscriptions) {
                channels.remove(key, session);
                guilds.add(key.guild());
            }
            member.subscriptions.clear();
            for (GuildId guild : guilds) {
                if (leaveGuild(session, guild)) {
                    offline.add(guild);
                }
            }
        }
        sessions.remove(session.session(), session);
        boolean last = users.remove(session.user(), session);
        return new Departure(List.copyOf(offline), last);
    }

    // Called under the member's monitor: the connection no longer holds subscriptions in the guild.
    private boolean leaveGuild(ConnectionSession session, GuildId guild) {
        boolean held = guildSubscribers.remove(guild, session) > 0;
        return held && presence.adjust(guild, session.user(), -1) == 0;
    }

    /** The connections an event of {@code scope} goes to, as a live weakly consistent view. */
    Iterable<ConnectionSession> targets(GatewayEvent.Scope scope) {
        return switch (scope) {
            case GatewayEvent.Scope.Channel c -> channels.get(new ChannelKey(c.guild(), c.channel()));
            case GatewayEvent.Scope.Guild g when g.audience().isPresent() ->
                    guildSubscribers.members(g.guild()).stream().filter(s -> g.admits(s.user())).toList();
            case GatewayEvent.Scope.Guild g -> guildSubscribers.members(g.guild());
            case GatewayEvent.Scope.User u -> users.get(u.user());
            case GatewayEvent.Scope.Users us -> us.users().stream().flatMap(u -> users.get(u).stream()).toList();
            // resolved by the ObserverAudienceResolver before dispatch; never reaches the dispatcher unresolved
            case GatewayEvent.Scope.Observers o -> List.of();
            case GatewayEvent.Scope.Connection c -> connection(c.connection()).map(List::of).orElse(List.of());
        };
    }

    /** The users holding at least one connection on this process (a snapshot). */
    Set<UserId> connectedUsers() {
        return Set.copyOf(users.keys());
    }

    Collection<ConnectionSession> userConnections(UserId user) {
        return users.get(user);
    }

    Collection<ConnectionSession> sessionConnections(SessionId session) {
        return sessions.get(session);
    }

    public Optional<ConnectionSession> connection(ConnectionId id) {
        Member member = connections.get(id);
        return member == null ? Optional.empty() : Optional.of(member.session);
    }

    /** The users online in {@code guild}, sorted (SPEC 9.8 {@code presence_sync}). */
    public List<UserId> presenceSnapshot(GuildId guild) {
        return presence.members(guild).stream().sorted().toList();
    }

    public boolean isOnline(GuildId guild, UserId user) {
        return presence.count(guild, user) > 0;
    }

    public boolean isSubscribed(ConnectionId id, GuildId guild, ChannelId channel) {
        return channels.get(new ChannelKey(guild, channel)).stream().anyMatch(s -> s.id().equals(id));
    }

    public int subscriptionCount(ConnectionId id) {
        Member member = connections.get(id);
        if (member == null) {
            return 0;
        }
        synchronized (member) {
            return member.subscriptions.size();
        }
    }

    public int connectionCount() {
        return connections.size();
    }

    /** A (guild, channel) subscription key. */
    record ChannelKey(GuildId guild, ChannelId channel) {
    }

    // Per-connection registry state; its monitor makes that connection's changes atomic.
    private static final class Member {
        final ConnectionSession session;
        final Set<ChannelKey> subscriptions = new HashSet<>();
        boolean removed;

        Member(ConnectionSession session) {
            this.session = session;
        }
    }
}
