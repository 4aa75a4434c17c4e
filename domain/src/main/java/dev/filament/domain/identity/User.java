package dev.filament.domain.identity;

import dev.filament.domain.id.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Entity: an account with its credentials. Immutable. (Login lockout state is not part of the account: it lives with
 * the limiters, keyed by user and client network, SPEC 4.3.)
 */
public final class User {
    private final UserId id;
    private final Username username;
    private final PasswordHash passwordHash;
    private final Instant createdAt;

    private User(UserId id, Username username, PasswordHash passwordHash, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.username = Objects.requireNonNull(username, "username");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A newly registered user; timestamps are whole seconds as stored (SPEC 1.3). */
    public static User register(UserId id, Username username, PasswordHash passwordHash, Instant now) {
        return new User(id, username, passwordHash, now.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A user as read from storage. */
    public static User rehydrate(UserId id, Username username, PasswordHash passwordHash, Instant createdAt) {
        return new User(id, username, passwordHash, createdAt);
    }

    public UserId id() { return id; }
    public Username username() { return username; }
    public PasswordHash passwordHash() { return passwordHash; }
    public Instant createdAt() { return createdAt; }

    @Override
    public boolean equals(Object o) {
        return o instanceof User u && id.equals(u.id) && username.equals(u.username)
                && passwordHash.equals(u.passwordHash) && createdAt.equals(u.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, username, passwordHash, createdAt);
    }

    @Override
    public String toString() {
        return "User[" + id + ", " + username + ", createdAt=" + createdAt + "]";
    }
}
