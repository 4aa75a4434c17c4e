package dev.filament.application.identity.service;

import dev.filament.application.identity.port.out.LoginLockouts;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.LoginCounters;
import dev.filament.domain.identity.LoginLockoutPolicy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process-local {@link LoginLockouts} (SPEC 4.3, 2.6): a map from (user, network) to its counters, bounded to
 * {@code maxKeys} entries with the least recently used evicted first. An entry expires 15 min after its last failure,
 * or when its lock ends if that is later; an expired entry reads as clear. Each settle runs under one short lock.
 */
public final class LocalLoginLockouts implements LoginLockouts {
    public static final int DEFAULT_MAX_KEYS = 100_000;

    private final int maxKeys;
    private final LinkedHashMap<Key, State> entries;

    public LocalLoginLockouts() {
        this(DEFAULT_MAX_KEYS);
    }

    public LocalLoginLockouts(int maxKeys) {
        this.maxKeys = maxKeys;
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, State> eldest) {
                return size() > LocalLoginLockouts.this.maxKeys;
            }
        };
    }

    @Override
    public Verdict settle(UserId user, String network, boolean passwordMatches, Instant now) {
        Key key = new Key(user, network);
        synchronized (entries) {
            State entry = entries.get(key);
            LoginCounters counters = entry == null || !now.isBefore(entry.expiresAt()) ? LoginCounters.CLEAR
                    : entry.counters();
            if (LoginLockoutPolicy.isLocked(counters, now)) {
                return Verdict.LOCKED;
            }
            if (passwordMatches) {
                entries.remove(key);
                return Verdict.PASSED;
            }
            LoginCounters after = LoginLockoutPolicy.afterFailure(counters, now);
            entries.put(key, new State(after, LoginLockoutPolicy.stateExpiry(after, now)));
            return Verdict.FAILED;
        }
    }

    /** Forgets expired entries; returns how many. */
    public int sweep(Instant now) {
        synchronized (entries) {
            int before = entries.size();
            entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
            return before - entries.size();
        }
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private record Key(UserId user, String network) {
    }

    private record State(LoginCounters counters, Instant expiresAt) {
    }
}
