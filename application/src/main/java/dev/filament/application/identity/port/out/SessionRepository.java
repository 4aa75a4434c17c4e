package dev.filament.application.identity.port.out;

import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.RefreshTokenHash;
import dev.filament.domain.identity.Session;
import dev.filament.domain.identity.Username;
import java.time.Instant;
import java.util.Optional;

/**
 * Out-port: login sessions and the memory of rotated-away refresh hashes (tables {@code sessions},
 * {@code used_refresh_tokens}). Every method runs inside the caller's
 * {@link dev.filament.application.shared.port.out.UnitOfWork} transaction and blocks only within the database bounds.
 */
public interface SessionRepository {

    /** Stores a new session; its user must exist. */
    void create(Session session);

    /**
     * The current username of the session's user when session {@code sessionId} belongs to {@code userId}, is not
     * revoked and expires after {@code now}; else empty. At most one indexed lookup per authenticated request; an
     * adapter MAY answer from SPEC 4.2's live-session cache (an entry trusted for at most 5 s, cleared by a
     * {@link #revoke} through it once that transaction ends).
     */
    Optional<Username> findLive(SessionId sessionId, UserId userId, Instant now);

    /** The session with a row lock ({@code FOR UPDATE}) held until the transaction ends; empty when it does not exist. */
    Optional<Session> lockById(SessionId sessionId);

    /**
     * Compare-and-swap: replaces the refresh hash with {@code next} and the expiry with {@code expiresAt} only while
     * the stored hash still equals {@code expected}. Returns whether the row changed.
     */
    boolean rotate(SessionId sessionId, RefreshTokenHash expected, RefreshTokenHash next, Instant expiresAt);

    /** Sets {@code revoked_at} to {@code now} unless the session is already revoked (the first revocation stays). */
    void revoke(SessionId sessionId, Instant now);

    /** Remembers a rotated-away hash for replay detection. */
    void recordUsedToken(RefreshTokenHash hash, SessionId sessionId, Instant usedAt);

    /** Whether {@code hash} was rotated away from session {@code sessionId} and is still remembered. */
    boolean isUsedToken(RefreshTokenHash hash, SessionId sessionId);

    /** Deletes sessions that expired or were revoked before {@code cutoff}; returns how many. */
    int deleteSessionsEndedBefore(Instant cutoff);

    /** Deletes remembered hashes used before {@code cutoff}; returns how many. */
    int deleteUsedTokensBefore(Instant cutoff);
}
