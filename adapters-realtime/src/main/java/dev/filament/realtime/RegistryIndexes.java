package dev.filament.realtime;

import dev.filament.application.gateway.port.out.GatewaySubscriptions.Subscription;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.realtime.RegistryMember.ChannelKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The indexes of the gateway registry and every read of them (targets of an event, presence, counts). The changes,
 * each atomic per connection under its member's monitor, are {@link SessionRegistry}'s; reads here take no lock
 * except a member's own for its subscription count, and iterate live weakly consistent views.
 */
public abstract class RegistryIndexes {
    final ConcurrentHashMap<ConnectionId, RegistryMember> connections = new ConcurrentHashMap<>();
    final SessionIndex<ChannelKey> channels = new SessionIndex<>();
    final SessionIndex<UserId> users = new SessionIndex<>(); // attached and detached: targets and drops
    final SessionIndex<UserId> attached = new SessionIndex<>(); // the user's connection count (9.7.8)
    final SessionIndex<SessionId> sessions = new SessionIndex<>();
    final CountIndex<GuildId, ConnectionSession> guildSubscribers = new CountIndex<>();
    final CountIndex<GuildId, UserId> presence = new CountIndex<>();
    final DropFences dropFences = new DropFences();
    final ResumeIndex resumable = new ResumeIndex();
    final AtomicInteger detachedCount = new AtomicInteger();


    RegistryIndexes() {
    }

    /** The user's attached connections on this node (detached sessions do not count). */
    public int attachedConnections(UserId user) {
        return attached.get(user).size();
    }

    /** The users with an attached connection on this node. */
    public Set<UserId> attachedUsers() {
        return Set.copyOf(attached.keys());
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
    public Map<GuildId, Set<UserId>> presenceState() {
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

    /** The drop fence of ({@code user}, {@code guild}), read before a subscribe's access check. */
    public long dropFence(UserId user, GuildId guild) {
        return dropFences.read(user, guild);
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
}
