package dev.filament.realtime;

import dev.filament.domain.id.ConnectionId;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry's resume state (SPEC 9.11): which session each live resume key names, and which connection took over
 * which (so a revalidation drop addressed to a connection a resume replaced reaches its successor). Keys are bearer
 * secrets: never logged, never part of a toString.
 */
final class ResumeIndex {
    private static final int MAX_HOPS = 16;

    private final ConcurrentHashMap<String, ConnectionSession> byKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ConnectionId, Successor> successors = new ConcurrentHashMap<>();

    void add(ConnectionSession session) {
        String key = session.resumeKey();
        if (key != null) {
            byKey.put(key, session);
        }
    }

    void remove(ConnectionSession session) {
        String key = session.resumeKey();
        if (key != null) {
            byKey.remove(key, session);
        }
    }

    /** {@code fresh} took {@code old} over: the old key dies, the new one names {@code fresh}. */
    void move(ConnectionSession old, ConnectionSession fresh) {
        remove(old); // old.resumeKey() is still the key it was registered under
        add(fresh);
        successors.put(old.id(), new Successor(fresh.id(), System.nanoTime()));
    }

    Optional<ConnectionSession> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    ConnectionId successor(ConnectionId id) {
        ConnectionId current = id;
        for (int hops = 0; hops < MAX_HOPS; hops++) {
            Successor next = successors.get(current);
            if (next == null) {
                return current;
            }
            current = next.connection();
        }
        return current;
    }

    void forgetOlderThan(long maxAgeNanos) {
        long now = System.nanoTime();
        successors.values().removeIf(s -> now - s.atNanos() > maxAgeNanos);
    }

    private record Successor(ConnectionId connection, long atNanos) {
    }
}
