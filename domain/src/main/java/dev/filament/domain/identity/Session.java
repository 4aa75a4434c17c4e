package dev.filament.domain.identity;

import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** Entity: a login session holding the hash of its current refresh token. Immutable snapshot. */
public final class Session {
    private final SessionId id;
    private final UserId userId;
    private final RefreshTokenHash refreshHash;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final Instant revokedAt;

    private Session(SessionId id, UserId userId, RefreshTokenHash refreshHash, Instant createdAt, Instant expiresAt,
                    Instant revokedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.refreshHash = Objects.requireNonNull(refreshHash, "refreshHash");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.revokedAt = revokedAt;
    }

    /** A new session expiring after the sliding refresh TTL; whole seconds as stored. */
    public static Session start(SessionId id, UserId userId, RefreshTokenHash refreshHash, Instant now) {
        Instant created = now.truncatedTo(ChronoUnit.SECONDS);
        return new Session(id, userId, refreshHash, created, created.plus(AuthTtl.REFRESH_SLIDING), null);
    }

    /** A session as read from storage; {@code revokedAt} may be null. */
    public static Session rehydrate(SessionId id, UserId userId, RefreshTokenHash refreshHash, Instant createdAt,
                                    Instant expiresAt, Instant revokedAt) {
        return new Session(id, userId, refreshHash, createdAt, expiresAt, revokedAt);
    }

    /** Usable for authentication and refresh: not revoked and not yet expired. */
    public boolean isLive(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    /** The expiry a rotation at {@code now} sets. */
    public static Instant slidingExpiry(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).plus(AuthTtl.REFRESH_SLIDING);
    }

    public SessionId id() { return id; }
    public UserId userId() { return userId; }
    public RefreshTokenHash refreshHash() { return refreshHash; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public Optional<Instant> revokedAt() { return Optional.ofNullable(revokedAt); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Session s && id.equals(s.id) && userId.equals(s.userId)
                && refreshHash.equals(s.refreshHash) && createdAt.equals(s.createdAt)
                && expiresAt.equals(s.expiresAt) && Objects.equals(revokedAt, s.revokedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, userId, refreshHash, createdAt, expiresAt, revokedAt);
    }

    @Override
    public String toString() {
        return "Session[" + id + ", user=" + userId + ", created=" + createdAt + ", expires=" + expiresAt
                + ", revoked=" + revokedAt + "]";
    }
}
