package dev.filament.application.gateway.fakes;

import dev.filament.application.friend.fakes.InMemoryFriendRepository;
import dev.filament.application.gateway.port.out.ObserverDirectory;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Fake {@link ObserverDirectory} over an {@link InMemoryFriendRepository} and memberships set by {@link #join}. */
public final class InMemoryObserverDirectory implements ObserverDirectory {
    private final InMemoryFriendRepository friends;
    private final Map<UserId, Set<GuildId>> memberships = new HashMap<>();

    public InMemoryObserverDirectory(InMemoryFriendRepository friends) {
        this.friends = friends;
    }

    public synchronized void join(UserId user, GuildId guild) {
        memberships.computeIfAbsent(user, u -> new HashSet<>()).add(guild);
    }

    @Override
    public synchronized Set<UserId> observersAmong(UserId subject, Set<UserId> candidates) {
        Set<GuildId> mine = memberships.getOrDefault(subject, Set.of());
        return candidates.stream().filter(c -> c.equals(subject) || friends.areFriends(subject, c)
                        || memberships.getOrDefault(c, Set.of()).stream().anyMatch(mine::contains))
                .collect(Collectors.toSet());
    }
}
