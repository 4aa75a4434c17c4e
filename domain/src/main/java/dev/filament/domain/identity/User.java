package dev.filament.domain.identity;

import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Entity: an account with its credentials and login counters. Immutable; changes return a new snapshot. */
public final class User {
    private final UserId id;
    private final Username username;
    private final PasswordHash passwordHash;
    private final LoginCounters loginCounters;
    private final Instant createdAt;

    private User(UserId id, Username username, PasswordHash passwordHash, LoginCounters loginCounters,
                 Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.username = Objects.requireNonNull(username, "username");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.loginCounters = Objects.requireNonNull(loginCounters, "loginCounters");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A newly registered user with clear counters; timestamps are whole seconds as stored (SPEC 1.3). */
    public static User register(UserId id, Username username, PasswordHash passwordHash, Instant now) {
        return new User(id, username, passwordHash, LoginCounters.CLEAR, now.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A user as read from storage. */
    public static User rehydrate(UserId id, Username username, PasswordHash passwordHash, LoginCounters counters,
                                 Instant createdAt) {
        return new User(id, username, passwordHash, counters, createdAt);
    }

    public UserId id() { return id; }
    public Username username() { return username; }
    public PasswordHash passwordHash() { return passwordHash; }
    public LoginCounters loginCounters() { return loginCounters; }
    public Instant createdAt() { return createdAt; }

    @Override
    public boolean equals(Object o) {
        return o instanceof User u && id.equals(u.id) && username.equals(u.username)
                && passwordHash.equals(u.passwordHash) && loginCounters.equals(u.loginCounters)
                && createdAt.equals(u.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, username, passwordHash, loginCounters, createdAt);
    }

    @Override
    public String toString() {
        return "User[" + id + ", " + username + ", " + loginCounters + ", createdAt=" + createdAt + "]";
    }
}
