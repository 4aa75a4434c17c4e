package dev.filament.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach PostgreSQL and the bounds of every wait on it (SPEC 2.2): pool acquire, statement and lock timeouts, and
 * the request budget that becomes {@code idle_in_transaction_session_timeout}. The pool size is fixed (SPEC 13).
 * {@code user} and {@code password} may be empty, meaning the driver's default (e.g. trust auth).
 */
public record PostgresSettings(
        String jdbcUrl,
        String user,
        String password,
        Duration acquireTimeout,
        Duration statementTimeout,
        Duration lockTimeout,
        Duration requestTimeout) {

    /** SPEC 13: the pool holds at most 10 connections. */
    public static final int POOL_SIZE = 10;

    public PostgresSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:postgresql:");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        requirePositive(acquireTimeout, "acquireTimeout");
        requirePositive(statementTimeout, "statementTimeout");
        requirePositive(lockTimeout, "lockTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        // SPEC 2.2: every database wait must end before the request budget does
        requireBelow(acquireTimeout, requestTimeout, "acquireTimeout");
        requireBelow(statementTimeout, requestTimeout, "statementTimeout");
        requireBelow(lockTimeout, requestTimeout, "lockTimeout");
    }

    /**
     * Settings from a {@code FILAMENT_DATABASE_URL} value ({@code postgres://} or {@code jdbc:postgresql://}).
     *
     * @throws IllegalArgumentException naming {@code FILAMENT_DATABASE_URL} when the URL is not usable
     */
    public static PostgresSettings fromUrl(String databaseUrl, Duration acquireTimeout, Duration statementTimeout,
                                           Duration lockTimeout, Duration requestTimeout) {
        DatabaseUrl url = DatabaseUrl.parse(databaseUrl);
        return new PostgresSettings(url.jdbcUrl(), url.user(), url.password(),
                acquireTimeout, statementTimeout, lockTimeout, requestTimeout);
    }

    /** The same database with other bounds (tests, special-purpose pools). */
    public PostgresSettings withTimeouts(Duration acquire, Duration statement, Duration lock, Duration request) {
        return new PostgresSettings(jdbcUrl, user, password, acquire, statement, lock, request);
    }

    public int poolSize() {
        return POOL_SIZE;
    }

    @Override
    public String toString() {
        // never print the password (settings end up in startup logs)
        return "PostgresSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", acquireTimeout=" + acquireTimeout
                + ", statementTimeout=" + statementTimeout + ", lockTimeout=" + lockTimeout
                + ", requestTimeout=" + requestTimeout + "]";
    }

    private static void requireBelow(Duration bound, Duration requestTimeout, String field) {
        if (bound.compareTo(requestTimeout) >= 0) {
            throw new IllegalArgumentException(field + " must be below requestTimeout " + requestTimeout
                    + ", was " + bound);
        }
    }

    private static void requirePositive(Duration d, String field) {
        Objects.requireNonNull(d, field);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + d);
        }
    }
}
