package dev.filament.application.identity.fakes;

import dev.filament.application.identity.port.out.SessionRepository;
import dev.filament.application.identity.port.out.UserRepository;
import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.RefreshTokenHash;
import dev.filament.domain.identity.Session;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.Username;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Fake {@link SessionRepository} in memory; reads usernames from a {@link UserRepository} like the SQL join would. */
public final class InMemorySessionRepository implements SessionRepository, InMemoryUnitOfWork.Participant {
    private final UserRepository users;
    private final Map<SessionId, Session> sessions = new HashMap<>();
    private final Map<RefreshTokenHash, UsedToken> usedTokens = new HashMap<>();
    private int findLiveCalls;

    private record UsedToken(SessionId sessionId, Instant usedAt) {
    }

    public InMemorySessionRepository(UserRepository users) {
        this.users = users;
    }

    /** Takes part in rollback: a copy of the rows now, and the action that puts them back. */
    @Override
    public synchronized Runnable snapshot() {
        Map<SessionId, Session> sessionsThen = new HashMap<>(sessions);
        Map<RefreshTokenHash, UsedToken> usedThen = new HashMap<>(usedTokens);
        return () -> {
            synchronized (this) {
                sessions.clear();
                sessions.putAll(sessionsThen);
                usedTokens.clear();
                usedTokens.putAll(usedThen);
            }
        };
    }

    @Override
    public synchronized void create(Session session) {
        if (users.findById(session.userId()).isEmpty()) {
            throw new IllegalStateException("foreign key: no user " + session.userId());
        }
        if (sessions.putIfAbsent(session.id(), session) != null) {
            throw new IllegalStateException("primary key: session exists " + session.id());
        }
    }

    @Override
    public synchronized Optional<Username> findLive(SessionId sessionId, UserId userId, Instant now) {
        findLiveCalls++;
        return Optional.ofNullable(sessions.get(sessionId))
                .filter(s -> s.userId().equals(userId) && s.isLive(now))
                .flatMap(s -> users.findById(userId))
                .map(User::username);
    }

    @Override
    public synchronized Optional<Session> lockById(SessionId sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    @Override
    public synchronized boolean rotate(SessionId sessionId, RefreshTokenHash expected, RefreshTokenHash next,
                                       Instant expiresAt) {
        Session s = sessions.get(sessionId);
        if (s == null || !s.refreshHash().equals(expected)) {
            return false;
        }
        sessions.put(sessionId, Session.rehydrate(s.id(), s.userId(), next, s.createdAt(), expiresAt,
                s.revokedAt().orElse(null)));
        return true;
    }

    @Override
    public synchronized void revoke(SessionId sessionId, Instant now) {
        Session s = sessions.get(sessionId);
        if (s != null && s.revokedAt().isEmpty()) {
            sessions.put(sessionId, Session.rehydrate(s.id(), s.userId(), s.refreshHash(), s.createdAt(),
                    s.expiresAt(), now));
        }
    }

    @Override
    public synchronized void recordUsedToken(RefreshTokenHash hash, SessionId sessionId, Instant usedAt) {
        if (!sessions.containsKey(sessionId)) {
            throw new IllegalStateException("foreign key: no session " + sessionId);
        }
        if (usedTokens.putIfAbsent(hash, new UsedToken(sessionId, usedAt)) != null) {
            throw new IllegalStateException("primary key: used token exists");
        }
    }

    @Override
    public synchronized boolean isUsedToken(RefreshTokenHash hash, SessionId sessionId) {
        UsedToken used = usedTokens.get(hash);
        return used != null && used.sessionId().equals(sessionId);
    }

    @Override
    public synchronized int deleteSessionsEndedBefore(Instant cutoff) {
        int before = sessions.size();
        sessions.values().removeIf(s -> s.expiresAt().isBefore(cutoff)
                || s.revokedAt().map(r -> r.isBefore(cutoff)).orElse(false));
        usedTokens.values().removeIf(u -> !sessions.containsKey(u.sessionId())); // ON DELETE CASCADE
        return before - sessions.size();
    }

    @Override
    public synchronized int deleteUsedTokensBefore(Instant cutoff) {
        int before = usedTokens.size();
        usedTokens.values().removeIf(u -> u.usedAt().isBefore(cutoff));
        return before - usedTokens.size();
    }

    public synchronized int findLiveCalls() {
        return findLiveCalls;
    }

    public synchronized int count() {
        return sessions.size();
    }
}
