package dev.filament.realtime;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.gateway.port.out.GatewayConnections.SubscribeOutcome;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.realtime.RegistryMember.ChannelKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The gateway registry (SPEC 9.7, 9.8): connections, (guild, channel) subscribers, guild subscribers, connections per
 * user and per session, and per-(guild, user) presence counters.
 *
 * <p>Concurrency: every index is a concurrent map changed atomically per key; changes of one connection (subscribe,
 * drop, unregister) run under that connection's own monitor, so they are atomic per connection while different
 * connections never contend. Nothing here publishes, sends or waits: callers act on the returned results after the
 * registry is consistent again. Readers (the dispatcher) iterate live views without locks.
 */
public final class SessionRegistry extends RegistryIndexes {
    private final int maxSubscriptions;

    private volatile Consumer<UserId> attachedChanged = user -> { };

    /**
     * Told (on the changing thread, so it must not block) whenever a user's attached-connection count may have
     * changed; it reads {@link #attachedConnections} itself (scale-out connection counts, SPEC 17.6).
     */
    public void onAttachedChange(Consumer<UserId> listener) {
        this.attachedChanged = listener;
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

    /** Forgets successors recorded more than {@code maxAgeNanos} ago. */
    void forgetSuccessors(long maxAgeNanos) {
        resumable.forgetOlderThan(maxAgeNanos);
    }

    // Called under the member's monitor: the connection no longer holds subscriptions in the guild.
    private boolean leaveGuild(RegistryMember member, GuildId guild) {
        boolean held = guildSubscribers.remove(guild, member.session) > 0;
        return held && !member.detached && presence.adjust(guild, member.session.user(), -1) == 0;
    }
}
