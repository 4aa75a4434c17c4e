package dev.filament.application.friend.fakes;

import dev.filament.application.friend.port.out.FriendRepository;
import dev.filament.application.identity.fakes.InMemoryUserRepository;
import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.domain.friend.FriendRequest;
import dev.filament.domain.id.FriendRequestId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.Username;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Fake {@link FriendRepository} in memory over the users of an {@link InMemoryUserRepository}; locks are no-ops
 * because the in-memory unit of work is serial. Enlist it in the unit of work for rollback.
 */
public final class InMemoryFriendRepository implements FriendRepository, InMemoryUnitOfWork.Participant {
    private final InMemoryUserRepository users;
    private final Map<Set<UserId>, Instant> friendships = new HashMap<>();
    private final Map<FriendRequestId, FriendRequest> requests = new LinkedHashMap<>();

    public InMemoryFriendRepository(InMemoryUserRepository users) {
        this.users = users;
    }

    @Override
    public synchronized Runnable snapshot() {
        Map<Set<UserId>, Instant> friendshipsThen = new HashMap<>(friendships);
        Map<FriendRequestId, FriendRequest> requestsThen = new LinkedHashMap<>(requests);
        return () -> {
            synchronized (this) {
                friendships.clear();
                friendships.putAll(friendshipsThen);
                requests.clear();
                requests.putAll(requestsThen);
            }
        };
    }

    @Override
    public synchronized Map<UserId, Username> lockUsers(UserId a, UserId b) {
        Map<UserId, Username> found = new HashMap<>();
        for (UserId id : List.of(a, b)) {
            users.findById(id).ifPresent(u -> found.put(id, u.username()));
        }
        return found;
    }

    @Override
    public synchronized boolean areFriends(UserId a, UserId b) {
        return friendships.containsKey(Set.of(a, b));
    }

    @Override
    public synchronized boolean pendingBetween(UserId a, UserId b) {
        return requests.values().stream().anyMatch(r -> r.involves(a) && r.involves(b));
    }

    @Override
    public synchronized int countFriends(UserId user) {
        return (int) friendships.keySet().stream().filter(p -> p.contains(user)).count();
    }

    @Override
    public synchronized int countOutgoing(UserId user) {
        return (int) requests.values().stream().filter(r -> r.sender().equals(user)).count();
    }

    @Override
    public synchronized int countIncoming(UserId user) {
        return (int) requests.values().stream().filter(r -> r.recipient().equals(user)).count();
    }

    @Override
    public synchronized boolean insertRequest(FriendRequest request) {
        if (pendingBetween(request.sender(), request.recipient())) {
            return false;
        }
        requests.put(request.id(), request);
        return true;
    }

    @Override
    public synchronized Optional<FriendRequest> lockRequest(FriendRequestId id) {
        return Optional.ofNullable(requests.get(id));
    }

    @Override
    public synchronized void deleteRequest(FriendRequestId id) {
        requests.remove(id);
    }

    @Override
    public synchronized Instant insertFriendship(UserId a, UserId b, Instant createdAt) {
        return friendships.computeIfAbsent(Set.of(a, b), k -> createdAt);
    }

    @Override
    public synchronized boolean deleteFriendship(UserId a, UserId b) {
        return friendships.remove(Set.of(a, b)) != null;
    }

    @Override
    public synchronized List<Friend> friendsOf(UserId user) {
        return friendships.entrySet().stream().filter(e -> e.getKey().contains(user))
                .map(e -> {
                    UserId other = e.getKey().stream().filter(u -> !u.equals(user)).findFirst().orElseThrow();
                    return new Friend(other, name(other), e.getValue());
                })
                .sorted(Comparator.comparing(Friend::createdAt).reversed().thenComparing(Friend::userId))
                .toList();
    }

    @Override
    public synchronized List<RequestView> incoming(UserId user) {
        return views(r -> r.recipient().equals(user));
    }

    @Override
    public synchronized List<RequestView> outgoing(UserId user) {
        return views(r -> r.sender().equals(user));
    }

    private List<RequestView> views(Predicate<FriendRequest> which) {
        return requests.values().stream().filter(which)
                .sorted(Comparator.comparing(FriendRequest::createdAt).thenComparing(FriendRequest::id).reversed())
                .map(r -> new RequestView(r, name(r.sender()), name(r.recipient())))
                .toList();
    }

    private Username name(UserId id) {
        return users.findById(id).orElseThrow().username();
    }
}
