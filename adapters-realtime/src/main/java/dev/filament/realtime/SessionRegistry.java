package dev.filament.realtime;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.gateway.port.out.GatewayConnections.SubscribeOutcome;
import dev.filament.application.gateway.port.out.GatewaySubscriptions.Subscription;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.realtime.RegistryMember.ChannelKey;
import java.util.ArrayList;
import java.util.Collection;
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
    private final ConcurrentHashMap<ConnectionId, RegistryMember> connections = new ConcurrentHashMap<>();
    private final SessionIndex<ChannelKey> channels = new SessionIndex<>();
    private final SessionIndex<UserId> users = new SessionIndex<>(); // attached and detached: targets and drops
    private final SessionIndex<UserId> attached = new SessionIndex<>(); // the user's connection count (9.7.8)
    private final SessionIndex<SessionId> sessions = new SessionIndex<>();
    private final CountIndex<GuildId, ConnectionSession> guildSubscribers = new CountIndex<>();
    private final CountIndex<GuildId, UserId> presence = new CountIndex<>();
    private final DropFences dropFences = new DropFences();
    private final ResumeIndex resumable = new ResumeIndex();
    private final java.util.concurrent.atomic.AtomicInteger detachedCount = new java.util.concurrent.atomic.AtomicInteger();

    private volatile java.util.function.Consumer<UserId> attachedChanged = user -> { };

    /**
     * Told (on the changing thread, so it must not block) whenever a user's attached-connection count may have
     * changed; it reads {@link #attachedConnections} itself (scale-out connection counts, SPEC 17.6).
     */
    public void onAttachedChange(java.util.function.Consumer<UserId> listener) {
        this.attachedChanged = listener;
    }

    /** The user's attached connections on this node (detached sessions do not count). */
    public int attachedConnections(UserId user) {
        return attached.get(user).size();
    }

    /** The users with an attached connection on this node. */
    public Set<UserId> attachedUsers() {
        return Set.copyOf(attached.keys());
    }

    public SessionRegistry(int maxSubscriptions) {
        this.maxSubscriptions = maxSubscriptions;
    }

    /** Registers a new connection; its id must be unused. */
    void register(ConnectionSession session) {
        if (connections.putIfAbsent(session.id(), new RegistryMember(session)) != null) {
            throw new IllegalStateException("connection already registered: " + session.id());
        }
        users.add(session.user(), session);
        attached.add(session.user(), session);
        sessions.add(session.session(), session);
        resumable.add(session);
        attachedChanged.accept(session.user());
    }

    /** Adds a subscription without a drop fence (callers that checked no access: tests, tooling). */
    public SubscribeOutcome subscribe(ConnectionId id, GuildId guild, ChannelId channel) {
        RegistryMember member = connections.get(id);
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
        RegistryMember member = connections.get(id);
        if (member == null) {
            return new SubscribeOutcome(SubscribeOutcome.Kind.NOT_CONNECTED, false);
        }
        ChannelKey key = new ChannelKey(guild, channel);
        synchronized (member) {
            if (member.removed || member.detached) {
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
        RegistryMember member = connections.get(session.id());
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
            return new GuildDrop(removed, leaveGuild(member, guild));
        }
    }

    /** Removes one subscription of the connection; reports it (when it was held) and whether its user went offline. */
    GuildDrop dropSubscription(ConnectionSession session, GuildId guild, ChannelId channel) {
        RegistryMember member = connections.get(session.id());
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
            boolean offline = leftGuild && !member.detached && presence.adjust(guild, session.user(), -1) == 0;
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
            RegistryMember member = connections.get(session.id());
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

    /**
     * Removes the connection (or detached session) and all its subscriptions; reports what its departure changed
     * (nothing for a detached session: it left presence and the connection count when it detached).
     */
    Departure unregister(ConnectionSession session) {
        RegistryMember member = connections.get(session.id());
        if (member == null || member.session != session || !connections.remove(session.id(), member)) {
            return Departure.NONE;
        }
        Set<GuildId> offline = new TreeSet<>();
        boolean wasDetached;
        synchronized (member) {
            member.removed = true;
            wasDetached = member.detached;
            if (wasDetached) {
                detachedCount.decrementAndGet();
            }
            for (GuildId guild : member.guilds()) {
                if (leaveGuild(member, guild)) {
                    offline.add(guild);
                }
            }
            member.subscriptions.forEach(key -> channels.remove(key, session));
            member.subscriptions.clear();
        }
        resumable.remove(session);
        sessions.remove(session.session(), session);
        users.remove(session.user(), session);
        boolean last = !wasDetached && attached.remove(session.user(), session);
        if (!wasDetached) {
            attachedChanged.accept(session.user());
        }
        return new Departure(List.copyOf(offline), last);
    }

    /**
     * Detaches the connection's gateway session (SPEC 9.11): it leaves presence and its user's connection count but
     * keeps its subscriptions, so it goes on receiving its scopes' frames into its buffer. Null when the connection is
     * not registered or already detached.
     */
    Departure detach(ConnectionSession session) {
        RegistryMember member = connections.get(session.id());
        if (member == null || member.session != session) {
            return null;
        }
        Set<GuildId> offline = new TreeSet<>();
        synchronized (member) {
            if (member.removed || member.detached) {
                return null;
            }
            for (GuildId guild : member.guilds()) {
                if (presence.adjust(guild, session.user(), -1) == 0) {
                    offline.add(guild);
                }
            }
            member.detached = true;
            detachedCount.incrementAndGet();
        }
        Departure departure = new Departure(List.copyOf(offline), attached.remove(session.user(), session));
        attachedChanged.accept(session.user());
        return departure;
    }

    /**
     * A resume takes the detached session {@code old} over (SPEC 9.11 rule 5): {@code fresh} replaces it in every
     * index with the same subscriptions, enters presence and the connection count again, and {@code old} is gone.
     * Returns the guilds where the user became online, or null when {@code old} is no longer a detached session.
     * Called on the dispatcher thread, so no event is delivered halfway through.
     */
    List<GuildId> takeOver(ConnectionSession old, ConnectionSession fresh) {
        RegistryMember member = connections.get(old.id());
        if (member == null || member.session != old) {
            return null;
        }
        RegistryMember successor = new RegistryMember(fresh);
        List<GuildId> online = new ArrayList<>();
        synchronized (member) {
            if (member.removed || !member.detached) {
                return null;
            }
            member.removed = true;
            detachedCount.decrementAndGet();
            synchronized (successor) {
                connections.put(fresh.id(), successor);
                connections.remove(old.id(), member);
                for (ChannelKey key : member.subscriptions) {
                    successor.subscriptions.add(key);
                    channels.add(key, fresh);
                    channels.remove(key, old);
                }
                for (GuildId guild : member.guilds()) {
                    guildSubscribers.adjust(guild, fresh, guildSubscribers.remove(guild, old));
                    if (presence.adjust(guild, fresh.user(), 1) == 1) {
                        online.add(guild);
                    }
                }
            }
        }
        users.add(fresh.user(), fresh);
        users.remove(old.user(), old);
        attached.add(fresh.user(), fresh);
        attachedChanged.accept(fresh.user());
        sessions.add(fresh.session(), fresh);
        sessions.remove(old.session(), old);
        resumable.move(old, fresh);
        online.sort(null);
        return online;
    }

    /** The session {@code resumeKey} names (attached or detached), if any. */
    Optional<ConnectionSession> byResumeKey(String resumeKey) {
        return resumable.find(resumeKey);
    }

    /**
     * The connection {@code id}, following resumes: a revalidation drop computed for a connection that a resume then
     * took over applies to its successor.
     */
    Optional<ConnectionSession> connectionOrSuccessor(ConnectionId id) {
        return connection(resumable.successor(id));
    }

    /** Forgets successors recorded more than {@code maxAgeNanos} ago. */
    void forgetSuccessors(long maxAgeNanos) {
        resumable.forgetOlderThan(maxAgeNanos);
    }

    // Called under the member's monitor: the connection no longer holds subscriptions in the guild.
    private boolean leaveGuild(RegistryMember member, GuildId guild) {
        boolean held = guildSubscribers.remove(guild, member.session) > 0;
        return held && !member.detached && presence.adjust(guild, member.session.user(), -1) == 0;
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
        RegistryMember member = connections.get(id);
        return member == null ? Optional.empty() : Optional.of(member.session);
    }

    /** The users online in {@code guild}, sorted (SPEC 9.8 {@code presence_sync}). */
    public List<UserId> presenceSnapshot(GuildId guild) {
        return presence.members(guild).stream().sorted().toList();
    }

    /** Every guild with its locally online users: a snapshot (SPEC 17.6 re-apply). */
    public java.util.Map<GuildId, java.util.Set<UserId>> presenceState() {
        return presence.snapshot();
    }

    public boolean isOnline(GuildId guild, UserId user) {
        return presence.count(guild, user) > 0;
    }

    public boolean isSubscribed(ConnectionId id, GuildId guild, ChannelId channel) {
        return channels.get(new ChannelKey(guild, channel)).stream().anyMatch(s -> s.id().equals(id));
    }

    public int subscriptionCount(ConnectionId id) {
        RegistryMember member = connections.get(id);
        if (member == null) {
            return 0;
        }
        synchronized (member) {
            return member.subscriptions.size();
        }
    }

    /** Open (attached) connections; detached sessions do not count (SPEC 9.11). */
    public int connectionCount() {
        return connections.size() - detachedCount.get();
    }

    /** Detached gateway sessions held (the {@code filament_gateway_detached_sessions} gauge). */
    public int detachedCount() {
        return detachedCount.get();
    }
}
