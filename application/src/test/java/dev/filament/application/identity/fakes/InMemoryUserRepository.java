package dev.filament.application.identity.fakes;

import dev.filament.application.identity.port.out.UserRepository;
import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.Username;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Fake {@link UserRepository} in memory; locks are no-ops because the in-memory unit of work is serial. */
public final class InMemoryUserRepository implements UserRepository, InMemoryUnitOfWork.Participant {
    private final Map<UserId, User> byId = new HashMap<>();
    private final Map<String, UserId> byCanonicalName = new HashMap<>();

    /** Takes part in rollback: a copy of the rows now, and the action that puts them back. */
    @Override
    public synchronized Runnable snapshot() {
        Map<UserId, User> byIdThen = new HashMap<>(byId);
        Map<String, UserId> byNameThen = new HashMap<>(byCanonicalName);
        return () -> {
            synchronized (this) {
                byId.clear();
                byId.putAll(byIdThen);
                byCanonicalName.clear();
                byCanonicalName.putAll(byNameThen);
            }
        };
    }

    @Override
    public synchronized InsertOutcome insertIfAbsent(User user) {
        if (byCanonicalName.containsKey(user.username().canonical()) || byId.containsKey(user.id())) {
            return InsertOutcome.EXISTS;
        }
        byId.put(user.id(), user);
        byCanonicalName.put(user.username().canonical(), user.id());
        return InsertOutcome.CREATED;
    }

    @Override
    public synchronized Optional<User> findByUsernameCanonical(Username username) {
        return Optional.ofNullable(byCanonicalName.get(username.canonical())).map(byId::get);
    }

    @Override
    public synchronized Optional<User> findById(UserId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<User> lockById(UserId id) {
        return findById(id);
    }

    @Override
    public synchronized Map<UserId, UserSummary> findSummaries(Set<UserId> ids) {
        Map<UserId, UserSummary> found = new HashMap<>();
        for (UserId id : ids) {
            User user = byId.get(id);
            if (user != null) {
                found.put(id, new UserSummary(id, user.username(), 0));
            }
        }
        return found;
    }

    public synchronized int count() {
        return byId.size();
    }
}
